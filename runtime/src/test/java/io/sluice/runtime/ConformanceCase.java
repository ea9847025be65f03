package io.sluice.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sluice.plan.Column;
import io.sluice.plan.ColumnKind;
import io.sluice.plan.Formats;
import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.PlanJson;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.TimestampSpec;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.FilterNode;
import io.sluice.plan.node.PlanNode;
import io.sluice.plan.node.ProjectNode;
import io.sluice.plan.node.SinkNode;
import io.sluice.plan.node.SourceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One case of the conformance suite, read from a JSON file under {@code conformance/}:
 *
 * <pre>{@code
 * {"name": "...",
 *  "source": {"topic": "input", "key": "KAFKA", "value": "JSON",
 *             "columns": ["ID BIGINT KEY", "PRICE DECIMAL(10,2)"],
 *             "timestamp": "TS" or {"column": "TS", "format": "yyyy-MM-dd"}, "table": false},
 *  "steps": [{"filter": "(GREATER_THAN $PRICE 9.99)"}, {"project": ["KEY ID = $ID", "P = $PRICE"]},
 *            {"aggregate": {"groupBy": ["$REGION"], "aggregates": ["N = COUNT()", "T = TOPK($X, 2)"],
 *                           "window": {"type": "TUMBLING", "size": 1000, "grace": 0}, "emit": "FINAL"}}],
 *  "sink": {"topic": "output", "key": "KAFKA", "value": "JSON"},
 *  "inputs": [{"key": 1, "value": {...}, "timestamp": 1000}],
 *  "outputs": [{"key": 1, "value": {...}, "timestamp": 1000, "window": [0, 1000]}],
 *  "processingLog": [{"type": "DESERIALIZATION_ERROR", "offset": 1, "reasonContains": "...", ...}],
 *  "stats": {"in": 2, "out": 1, "errors": 1},
 *  "buildError": "part of the message, when the plan must be refused"}
 * }</pre>
 *
 * Inputs give the key as the JSON form of its column (written with Kafka's own serializer for the
 * KAFKA format, as JSON text for JSON), or raw as {@code rawKey} text or {@code rawKeyBase64};
 * values likewise as JSON, {@code rawValue} or {@code rawValueBase64}; no value means a null one.
 * A windowed output also gives its key's window: {@code [start]} for time windows, {@code [start, end]}
 * for sessions; a deletion has no value. Aggregates are described in {@link AggregateText}.
 * Processing log records are checked field by field for the fields a case gives, {@code reasonContains}
 * checking part of the reason. Source columns are followed by the pseudo columns; plan node ids are source, filter, project
 * (numbered from the second of a kind) and sink.
 */
record ConformanceCase(String file, JsonNode spec) {

  String name() {
    return file + ": " + spec.path("name").asText();
  }

  String sourceTopic() {
    return spec.path("source").path("topic").asText("input");
  }

  String sinkTopic() {
    return spec.path("sink").path("topic").asText("output");
  }

  List<JsonNode> inputs() {
    return list("inputs");
  }

  List<JsonNode> outputs() {
    return list("outputs");
  }

  List<JsonNode> processingLog() {
    return list("processingLog");
  }

  JsonNode stats() {
    return spec.path("stats");
  }

  String buildError() {
    return spec.hasNonNull("buildError") ? spec.get("buildError").asText() : null;
  }

  /** The plan, as the runtime gets it: written to JSON and read back. */
  PhysicalPlan plan() {
    SourceNode source = source();
    PlanNode current = source;
    Map<String, Integer> kinds = new HashMap<>();
    for (JsonNode step : spec.path("steps")) {
      if (step.has("filter")) {
        current = new FilterNode(stepId("filter", kinds), current, ExprText.parse(step.get("filter").asText(), current.schema()));
      } else if (step.has("project")) {
        current = project(stepId("project", kinds), current, step.get("project"));
      } else if (step.has("aggregate")) {
        current = AggregateText.aggregate(stepId("aggregate", kinds), current, step.get("aggregate"));
      } else {
        throw new IllegalArgumentException("unknown step " + step);
      }
    }
    JsonNode sink = spec.path("sink");
    Formats formats = formats(sink, format(spec.path("source"), "key", "KAFKA"), SerdeFormat.JSON);
    PhysicalPlan plan = PhysicalPlan.of("CSAS_OUTPUT_1", new SinkNode("sink", current, "OUTPUT", sinkTopic(), formats));
    return PlanJson.read(PlanJson.write(plan));
  }

  /** The key columns of the source, whose types say how input keys are written. */
  List<Column> sourceKeyColumns() {
    return source().schema().keyColumns();
  }

  SerdeFormat sourceKeyFormat() {
    return source().formats().keyFormat();
  }

  private SourceNode source() {
    JsonNode src = spec.path("source");
    List<Column> columns = new ArrayList<>();
    for (JsonNode column : src.path("columns")) {
      columns.add(ExprText.column(column.asText()));
    }
    columns.addAll(PseudoColumn.columns());
    RowSchema schema = new RowSchema(columns);
    TimestampSpec timestamp = null;
    JsonNode ts = src.path("timestamp");
    if (ts.isTextual()) {
      timestamp = new TimestampSpec(schema.indexOf(ts.asText()), null);
    } else if (ts.isObject()) {
      timestamp = new TimestampSpec(schema.indexOf(ts.path("column").asText()),
          ts.hasNonNull("format") ? ts.get("format").asText() : null);
    }
    return new SourceNode("source", "INPUT", sourceTopic(), src.path("table").asBoolean(false), schema,
        formats(src, SerdeFormat.KAFKA, SerdeFormat.JSON), timestamp);
  }

  private static ProjectNode project(String id, PlanNode input, JsonNode items) {
    List<Expr> expressions = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (JsonNode item : items) {
      String text = item.asText().strip();
      ColumnKind kind = ColumnKind.VALUE;
      if (text.startsWith("KEY ")) {
        kind = ColumnKind.KEY;
        text = text.substring(4).strip();
      }
      int eq = text.indexOf(" = ");
      Expr expr = ExprText.parse(text.substring(eq + 3), input.schema());
      expressions.add(expr);
      columns.add(new Column(text.substring(0, eq).strip(), expr.type(), kind));
    }
    return new ProjectNode(id, input, expressions, new RowSchema(columns));
  }

  private static String stepId(String kind, Map<String, Integer> kinds) {
    int n = kinds.merge(kind, 1, Integer::sum);
    return n == 1 ? kind : kind + n;
  }

  private static Formats formats(JsonNode node, SerdeFormat defaultKey, SerdeFormat defaultValue) {
    return new Formats(format(node, "key", defaultKey.name()), format(node, "value", defaultValue.name()));
  }

  private static SerdeFormat format(JsonNode node, String field, String fallback) {
    return SerdeFormat.valueOf(node.path(field).asText(fallback).toUpperCase(Locale.ROOT));
  }

  private List<JsonNode> list(String field) {
    List<JsonNode> out = new ArrayList<>();
    spec.path(field).forEach(out::add);
    return out;
  }

  static JsonNode orNull(JsonNode node) {
    return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
  }
}
