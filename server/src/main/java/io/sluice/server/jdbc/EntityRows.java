package io.sluice.server.jdbc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.parser.ast.SqlDescribeSource;
import io.sluice.parser.ast.SqlExplainStatement;
import io.sluice.parser.ast.SqlShow;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.server.entity.KsqlEntity;
import io.sluice.server.rest.Json;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.sql.SqlNode;

/**
 * The answer of a SHOW, LIST, DESCRIBE or EXPLAIN statement as the rows of a JDBC result set, all
 * columns VARCHAR. A list answer (SHOW STREAMS, SHOW QUERIES, ...) gives one row per element, with
 * a column per field of the element type (so an empty list still has its columns); any other
 * answer gives one row with a column per field (of its one object, for DESCRIBE). Values that are
 * objects or arrays are written as JSON text.
 */
record EntityRows(List<String> columns, List<Object> rows) {

  private static final Set<String> ENVELOPE = Set.of("@type", "statementText", "warnings");

  static EntityRows of(KsqlEntity entity) {
    JsonNode json = Json.mapper().valueToTree(entity);
    if (entity.getClass().isRecord()) {
      for (RecordComponent component : entity.getClass().getRecordComponents()) {
        Class<?> element = listElement(component.getGenericType());
        if (element != null && element.isRecord()) {
          return table(columnNames(element), json.path(jsonName(component)));
        }
      }
    }
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(name -> {
      if (!ENVELOPE.contains(name)) {
        fields.add(name);
      }
    });
    JsonNode single = json;
    if (fields.size() == 1 && json.get(fields.get(0)).isObject()) {
      single = json.get(fields.get(0));
      fields.clear();
      single.fieldNames().forEachRemaining(fields::add);
    }
    List<Object> row = new ArrayList<>();
    for (String field : fields) {
      row.add(text(single.get(field)));
    }
    return new EntityRows(fields, List.of(row));
  }

  /** SHOW, LIST, DESCRIBE and EXPLAIN answer with a result set; other statements with an update count. */
  static boolean answersWithRows(SqlNode node) {
    return node instanceof SqlShow || node instanceof SqlDescribeSource || node instanceof SqlExplainStatement;
  }

  /** These rows as the finished result set of statement {@code h} running {@code sql}. */
  Meta.MetaResultSet resultSet(Meta.StatementHandle h, String sql) {
    List<ColumnMetaData> metaData = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      metaData.add(JdbcTypes.column(i, Column.value(columns.get(i), DataType.STRING)));
    }
    Meta.Signature signature = new Meta.Signature(
        metaData, sql, List.of(), Map.of(), Meta.CursorFactory.LIST, Meta.StatementType.SELECT);
    return Meta.MetaResultSet.create(h.connectionId, h.id, false, signature, new Meta.Frame(0, true, rows));
  }

  private static EntityRows table(List<String> columns, JsonNode elements) {
    List<Object> rows = new ArrayList<>();
    for (JsonNode element : elements) {
      List<Object> row = new ArrayList<>(columns.size());
      for (String column : columns) {
        row.add(text(element.get(column)));
      }
      rows.add(row);
    }
    return new EntityRows(columns, rows);
  }

  private static Class<?> listElement(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return null;
  }

  private static List<String> columnNames(Class<?> record) {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : record.getRecordComponents()) {
      names.add(jsonName(component));
    }
    return names;
  }

  private static String jsonName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property == null) {
      property = component.getAnnotation(JsonProperty.class);
    }
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
