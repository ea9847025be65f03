package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.node.AggregateNode;
import io.sluice.plan.node.PlanNodes;
import io.sluice.planner.ddl.CreateSourcePlanner;
import io.sluice.planner.query.CreateAsSelectPlan;
import io.sluice.planner.query.CreateAsSelectPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ksqlDB's WINDOW clause and the standard window table functions are two spellings of one
 * windowed aggregation: each case in {@code window-forms/} plans to equal aggregate nodes and
 * records the same window in the new table's catalog entry.
 */
class WindowFormsTest {

  private static final Path DIR = Path.of("src/test/resources/window-forms");

  @TestFactory
  Stream<DynamicTest> tableFunctionPlansAsTheWindowClause() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(DIR)) {
      cases = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    List<ParsedStatement> statements = SluiceParser.parse(Files.readString(file));
    Map<String, SourceDescriptor> sources = new HashMap<>();
    for (ParsedStatement statement : statements.subList(0, statements.size() - 2)) {
      SourceDescriptor source = CreateSourcePlanner.plan((SqlCreateSource) statement.node()).descriptor();
      sources.put(source.name(), source);
    }
    CreateAsSelectPlanner planner = new CreateAsSelectPlanner(CatalogView.of(sources));
    CreateAsSelectPlan ksql = planner.plan((SqlCreateAsSelect) statements.get(statements.size() - 2).node(), "Q1");
    CreateAsSelectPlan standard = planner.plan((SqlCreateAsSelect) statements.get(statements.size() - 1).node(), "Q1");
    AggregateNode expected = PlanNodes.aggregateOf(ksql.query().plan().root());
    assertNotNull(expected.window(), "the ksqlDB form is windowed");
    assertEquals(expected, PlanNodes.aggregateOf(standard.query().plan().root()));
    assertEquals(ksql.sink().window(), standard.sink().window());
  }
}
