package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.parser.ast.SqlCreateView;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.parser.ast.SqlInsertValues;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.PlanJson;
import io.sluice.plan.PlanPrinter;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.ddl.CreateSourcePlan;
import io.sluice.planner.ddl.CreateSourcePlanner;
import io.sluice.planner.query.CreateAsSelectPlan;
import io.sluice.planner.query.CreateAsSelectPlanner;
import io.sluice.planner.query.CreateViewPlanner;
import io.sluice.planner.query.InsertSelectPlanner;
import io.sluice.planner.query.InsertValuesPlan;
import io.sluice.planner.query.InsertValuesPlanner;
import io.sluice.planner.query.PlannedQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden plans: each {@code golden/NAME.sql} holds CREATE STREAM/TABLE statements for a catalog and
 * then one statement to plan; {@code golden/NAME.plan} holds the expected catalog entry (for CREATE
 * ... AS SELECT), logical plan, physical plan and plan JSON, or the expected error with its line and
 * column.
 *
 * <p>Run with {@code -Dsluice.golden.regenerate=true} to rewrite the golden files, then review the diff.
 */
class GoldenPlanTest {

  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final boolean REGENERATE = Boolean.getBoolean("sluice.golden.regenerate");

  @TestFactory
  Stream<DynamicTest> goldenPlans() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(DIR)) {
      cases = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    return cases.stream().map(sql -> DynamicTest.dynamicTest(name(sql), () -> check(sql)));
  }

  private static void check(Path sqlFile) throws IOException {
    String actual = render(Files.readString(sqlFile));
    Path golden = sqlFile.resolveSibling(name(sqlFile) + ".plan");
    if (REGENERATE || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      if (!REGENERATE) {
        fail("wrote missing golden file " + golden + "; review it and run again");
      }
      return;
    }
    assertEquals(Files.readString(golden), actual, "plan of " + sqlFile.getFileName());
  }

  static String render(String script) {
    List<ParsedStatement> statements = SluiceParser.parse(script);
    Map<String, SourceDescriptor> sources = new LinkedHashMap<>();
    Map<String, ViewDefinition> views = new HashMap<>();
    Map<String, Integer> partitions = new HashMap<>();
    for (ParsedStatement statement : statements.subList(0, statements.size() - 1)) {
      if (statement.node() instanceof SqlCreateView view) {
        ViewDefinition definition = new CreateViewPlanner(CatalogView.of(sources, views)).plan(view, statement.text())
            .view();
        views.put(definition.name(), definition);
        continue;
      }
      CreateSourcePlan plan = CreateSourcePlanner.plan((SqlCreateSource) statement.node());
      sources.put(plan.descriptor().name(), plan.descriptor());
      if (plan.partitions() != null) {
        partitions.put(plan.descriptor().topic(), plan.partitions());
      }
    }
    CatalogView catalog = CatalogView.of(sources, views)
        .withPartitions(topic -> partitions.containsKey(topic) ? OptionalInt.of(partitions.get(topic)) : OptionalInt.empty());
    SqlNode last = statements.get(statements.size() - 1).node();
    try {
      if (last instanceof SqlCreateSource create) {
        return "== source ==\n"
            + PlanJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(CreateSourcePlanner.plan(create))
            + "\n";
      }
      if (last instanceof SqlCreateAsSelect create) {
        CreateAsSelectPlan plan = new CreateAsSelectPlanner(catalog).plan(create, "Q1");
        return "== catalog ==\n" + PlanJson.mapper().writeValueAsString(plan.sink()) + "\n" + renderQuery(plan.query());
      }
      if (last instanceof SqlInsertSelect insert) {
        return renderQuery(new InsertSelectPlanner(catalog).plan(insert, "Q1"));
      }
      if (last instanceof SqlInsertValues insert) {
        return renderValues(new InsertValuesPlanner(catalog).plan(insert));
      }
      throw new IllegalArgumentException("cannot plan " + last.getKind());
    } catch (PlanningException e) {
      return "== error ==\n" + e.line() + ":" + e.column() + " " + e.getMessage() + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String renderQuery(PlannedQuery query) {
    PhysicalPlan plan = query.plan();
    return "== logical ==\n" + query.logicalPlan() + "\n"
        + "== physical ==\n" + PlanPrinter.print(plan)
        + "== json ==\n" + PlanJson.writePretty(plan) + "\n";
  }

  private static String renderValues(InsertValuesPlan plan) throws IOException {
    return "== values ==\n" + PlanJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(plan.rows()) + "\n";
  }

  private static String name(Path sql) {
    String file = sql.getFileName().toString();
    return file.substring(0, file.length() - ".sql".length());
  }
}
