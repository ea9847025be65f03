package io.sluice.planner.pull;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.parser.SluiceParser;
import io.sluice.parser.ast.SqlQueryStatement;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.DataType;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.plan.expr.ExprPrinter;
import io.sluice.plan.pull.PullQueryPlan;
import io.sluice.plan.pull.RangeBound;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * How pull queries plan, one case per pair of lines in {@code pull/*.txt}: a query, then the
 * plan in short (key lookups, ranges, residual filter, output columns, limit) or the error with
 * its line and column. The catalog: table T (K BIGINT key, V INT, S STRING), table M (A STRING
 * and B INT key, N BIGINT; JSON key), table W (U BIGINT key, CNT BIGINT) in 10-second tumbling
 * windows, and stream S (ID BIGINT key, X INT).
 */
class PullQueryPlannerTest {

  private static final Formats KAFKA_JSON = new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON);
  private static final CatalogView CATALOG = CatalogView.of(Map.of(
      "T", new SourceDescriptor("T", SourceType.TABLE, "t", RowSchema.of(
          Column.key("K", DataType.BIGINT), Column.value("V", DataType.INTEGER), Column.value("S", DataType.STRING)),
          KAFKA_JSON, null, null),
      "M", new SourceDescriptor("M", SourceType.TABLE, "m", RowSchema.of(
          Column.key("A", DataType.STRING), Column.key("B", DataType.INTEGER), Column.value("N", DataType.BIGINT)),
          new Formats(SerdeFormat.JSON, SerdeFormat.JSON), null, null),
      "W", new SourceDescriptor("W", SourceType.TABLE, "w", RowSchema.of(
          Column.key("U", DataType.BIGINT), Column.value("CNT", DataType.BIGINT)),
          KAFKA_JSON, null, null, new WindowSpec(WindowType.TUMBLING, 10_000, null, 0, 10_000)),
      "S", new SourceDescriptor("S", SourceType.STREAM, "s", RowSchema.of(
          Column.key("ID", DataType.BIGINT), Column.value("X", DataType.INTEGER)),
          KAFKA_JSON, null, null)));

  private static final boolean REGENERATE = Boolean.getBoolean("sluice.golden.regenerate");

  @Test
  void plansAsTheCasesSay() throws IOException {
    check("pull/cases.txt", true);
  }

  @Test
  void refusesScansWhenDisabled() throws IOException {
    check("pull/no-scan-cases.txt", false);
  }

  /** Checks every case of a file, or with {@code -Dsluice.golden.regenerate=true} rewrites the expectations. */
  private static void check(String resource, boolean scans) throws IOException {
    Path file = Path.of("src/test/resources", resource);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    List<Executable> checks = new ArrayList<>();
    String sql = null;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        out.add(line);
      } else if (sql == null) {
        sql = line;
        out.add(line);
      } else {
        String query = sql;
        String actual = render(query, scans);
        out.add(actual);
        checks.add(() -> assertEquals(line, actual, query));
        sql = null;
      }
    }
    if (REGENERATE) {
      Files.write(file, out, StandardCharsets.UTF_8);
      return;
    }
    assertAll(checks);
  }

  private static String render(String sql, boolean scans) {
    SqlQueryStatement statement = (SqlQueryStatement) SluiceParser.parse(sql).get(0).node();
    try {
      PullQueryPlan plan = new PullQueryPlanner(CATALOG, scans).plan(statement.query());
      RowSchema in = plan.input();
      List<String> parts = new ArrayList<>();
      if (plan.looksUpKeys()) {
        parts.add("keys " + plan.keyLookups().stream()
            .map(tuple -> tuple.stream().map(e -> ExprPrinter.print(e, in)).collect(Collectors.joining(", ", "(", ")")))
            .collect(Collectors.joining(" ")));
      }
      bound(parts, "key", plan.keyLower(), plan.keyUpper(), in);
      bound(parts, "start", plan.windowStartLower(), plan.windowStartUpper(), in);
      bound(parts, "end", plan.windowEndLower(), plan.windowEndUpper(), in);
      if (plan.filter() != null) {
        parts.add("filter " + ExprPrinter.print(plan.filter(), in));
      }
      parts.add("out " + plan.schema().columns().stream()
          .map(c -> c.name() + (c.kind() == ColumnKind.KEY ? " KEY" : ""))
          .collect(Collectors.joining(", ")));
      if (plan.limit() != null) {
        parts.add("limit " + plan.limit());
      }
      return String.join(" | ", parts);
    } catch (PlanningException e) {
      return "error " + e.line() + ":" + e.column() + " " + e.getMessage();
    }
  }

  private static void bound(List<String> parts, String name, RangeBound lower, RangeBound upper, RowSchema in) {
    if (lower == null && upper == null) {
      return;
    }
    parts.add(name + " " + (lower == null ? "(-" : (lower.inclusive() ? "[" : "(") + ExprPrinter.print(lower.value(), in))
        + ".." + (upper == null ? "+)" : ExprPrinter.print(upper.value(), in) + (upper.inclusive() ? "]" : ")")));
  }
}
