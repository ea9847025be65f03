package io.sluice.server.conformance;

import io.sluice.parser.ParsedStatement;
import io.sluice.parser.SluiceParseException;
import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlCreateAsSelect;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.parser.ast.SqlCreateView;
import io.sluice.parser.ast.SqlInsertSelect;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.SourceDescriptor;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.ViewDefinition;
import io.sluice.planner.ddl.CreateSourcePlan;
import io.sluice.planner.ddl.CreateSourcePlanner;
import io.sluice.planner.query.CreateAsSelectPlan;
import io.sluice.planner.query.CreateAsSelectPlanner;
import io.sluice.planner.query.CreateViewPlanner;
import io.sluice.planner.query.InsertSelectPlanner;
import io.sluice.runtime.QueryTopologyBuilder;
import io.sluice.runtime.RuntimeOptions;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Plans a case's statements as the server runs them: parses the script, plans each source into a
 * catalog, plans each query against the catalog so far (ids {@code CSAS_<NAME>_<n>} and
 * {@code INSERTQUERY_<n>}, n the statement's number) and compiles its topology.
 */
final class ScriptPlanner {

  private final RuntimeOptions options;
  private final Map<String, SourceDescriptor> catalog = new LinkedHashMap<>();
  private final Map<String, ViewDefinition> views = new HashMap<>();
  private final Map<String, Integer> partitions = new HashMap<>();
  private final List<ScriptQuery> queries = new ArrayList<>();

  private ScriptPlanner(RuntimeOptions options) {
    this.options = options;
  }

  /** The catalog and queries of {@code sql}; throws at the first statement Sluice refuses. */
  static PlannedScript plan(String sql, RuntimeOptions options) throws StatementRefusedException {
    return new ScriptPlanner(options).planAll(sql);
  }

  private PlannedScript planAll(String sql) throws StatementRefusedException {
    List<ParsedStatement> statements;
    try {
      statements = SluiceParser.parse(sql);
    } catch (SluiceParseException e) {
      throw new StatementRefusedException(e.getMessage(), e.line(), e.column(), e);
    }
    for (int i = 0; i < statements.size(); i++) {
      SqlNode node = statements.get(i).node();
      try {
        planOne(node, statements.get(i).text(), i + 1);
      } catch (PlanningException e) {
        SqlParserPos at = e.line() > 0 ? new SqlParserPos(e.line(), e.column()) : node.getParserPosition();
        throw new StatementRefusedException(e.getMessage(), at.getLineNum(), at.getColumnNum(), e);
      } catch (UnsupportedPlanException e) {
        SqlParserPos at = node.getParserPosition();
        throw new StatementRefusedException(e.getMessage(), at.getLineNum(), at.getColumnNum(), e);
      }
    }
    return new PlannedScript(Collections.unmodifiableMap(new LinkedHashMap<>(catalog)), List.copyOf(queries));
  }

  private void planOne(SqlNode node, String text, int sequence) {
    if (node instanceof SqlCreateSource create) {
      CreateSourcePlan plan = CreateSourcePlanner.plan(create);
      add(plan.descriptor());
      if (plan.partitions() != null) {
        partitions.putIfAbsent(plan.descriptor().topic(), plan.partitions());
      }
    } else if (node instanceof SqlCreateAsSelect create) {
      String queryId = "CSAS_" + create.name().getSimple() + "_" + sequence;
      CreateAsSelectPlan plan = new CreateAsSelectPlanner(catalogView()).plan(create, queryId);
      start(plan.query().plan());
      add(plan.sink());
    } else if (node instanceof SqlInsertSelect insert) {
      start(new InsertSelectPlanner(catalogView()).plan(insert, "INSERTQUERY_" + sequence).plan());
    } else if (node instanceof SqlCreateView create) {
      ViewDefinition view = new CreateViewPlanner(catalogView()).plan(create, text).view();
      views.put(view.name(), view);
    } else {
      throw new IllegalArgumentException("the conformance runner runs CREATE STREAM/TABLE/VIEW, CREATE STREAM AS "
          + "SELECT and INSERT INTO ... SELECT, not " + node.getKind());
    }
  }

  /** The catalog so far, with each topic's partition count as its CREATE gave it (1 otherwise). */
  private CatalogView catalogView() {
    return CatalogView.of(catalog, views).withPartitions(topic -> OptionalInt.of(partitions.getOrDefault(topic, 1)));
  }

  private void add(SourceDescriptor source) {
    if (catalog.putIfAbsent(source.name(), source) != null) {
      throw new IllegalArgumentException("the case creates " + source.name()
          + " twice; the conformance runner does not model replacing sources");
    }
  }

  private void start(PhysicalPlan plan) {
    queries.add(new ScriptQuery(plan, QueryTopologyBuilder.build(plan, options)));
  }
}
