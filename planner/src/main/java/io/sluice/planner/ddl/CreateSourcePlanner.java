package io.sluice.planner.ddl;

import io.sluice.parser.ast.ColumnConstraint;
import io.sluice.parser.ast.SqlColumnDeclaration;
import io.sluice.parser.ast.SqlCreateSource;
import io.sluice.parser.ast.SqlProperty;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.Formats;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.plan.TypeName;
import io.sluice.planner.PlanningException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Plans CREATE STREAM and CREATE TABLE over a topic: checks columns, key rules and properties. */
public final class CreateSourcePlanner {

  private CreateSourcePlanner() {}

  public static CreateSourcePlan plan(SqlCreateSource ddl) {
    String kind = ddl.table() ? "CREATE TABLE" : "CREATE STREAM";
    WithProperties with = WithProperties.of(ddl.properties(), SourceProperties.CREATE_SOURCE, kind);
    String name = ddl.name().getSimple();
    if (ddl.columns().isEmpty()) {
      throw new PlanningException(kind + " " + name + " needs a column list: there is no schema registry to infer one from",
          ddl.getParserPosition());
    }
    List<Column> keys = new ArrayList<>();
    List<Column> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlColumnDeclaration declared : ddl.columns()) {
      String column = declared.name().getSimple();
      if (PseudoColumn.isPseudo(column)) {
        throw new PlanningException("'" + column + "' is a reserved column name", declared.getParserPosition());
      }
      if (!seen.add(column)) {
        throw new PlanningException("Duplicate column name '" + column + "'", declared.getParserPosition());
      }
      DataType type = ColumnTypes.of(declared.type());
      checkConstraint(ddl.table(), declared);
      if (declared.constraint() == ColumnConstraint.NONE) {
        values.add(Column.value(column, type));
      } else {
        keys.add(Column.key(column, type));
      }
    }
    if (ddl.table() && keys.isEmpty()) {
      throw new PlanningException("Table " + name + " needs a PRIMARY KEY column", ddl.getParserPosition());
    }
    String topic = with.string(SourceProperties.KAFKA_TOPIC).orElseThrow(() -> new PlanningException(
        "Missing required property KAFKA_TOPIC", ddl.getParserPosition()));
    Formats formats = FormatResolver.resolve(with, keys, null, ddl.getParserPosition());
    List<Column> all = new ArrayList<>(keys);
    all.addAll(values);
    RowSchema schema = new RowSchema(all);
    String timestampColumn = timestampColumn(with, schema);
    String timestampFormat = timestampFormat(with, schema, timestampColumn);
    SourceDescriptor descriptor = new SourceDescriptor(name, ddl.table() ? SourceType.TABLE : SourceType.STREAM, topic,
        schema, formats, timestampColumn, timestampFormat, null, global(with, ddl), gracePeriod(with, ddl));
    return new CreateSourcePlan(descriptor,
        with.positiveInt(SourceProperties.PARTITIONS).orElse(null),
        with.positiveInt(SourceProperties.REPLICAS, Short.MAX_VALUE).orElse(null),
        ddl.orReplace(), ddl.ifNotExists());
  }

  /** TRUE for a table declared GLOBAL, null otherwise; a stream cannot be. */
  private static Boolean global(WithProperties with, SqlCreateSource ddl) {
    boolean global = with.bool(SourceProperties.GLOBAL).orElse(false);
    if (global && !ddl.table()) {
      throw new PlanningException("Only a table can be GLOBAL", with.literal(SourceProperties.GLOBAL).orElseThrow().position());
    }
    return global ? Boolean.TRUE : null;
  }

  /** A stream's GRACE_PERIOD in milliseconds, null when not given; a table has none. */
  private static Long gracePeriod(WithProperties with, SqlCreateSource ddl) {
    SqlProperty property = with.literal(SourceProperties.GRACE_PERIOD).orElse(null);
    if (property == null) {
      return null;
    }
    if (ddl.table()) {
      throw new PlanningException("GRACE_PERIOD is a stream's: it sets the grace period of the windows over the "
          + "stream, and a table is not windowed", property.position());
    }
    return with.duration(SourceProperties.GRACE_PERIOD).orElseThrow().toMillis();
  }

  private static void checkConstraint(boolean table, SqlColumnDeclaration declared) {
    String column = declared.name().getSimple();
    if (table && declared.constraint() == ColumnConstraint.KEY) {
      throw new PlanningException("Column " + column + " is declared KEY, but tables use PRIMARY KEY",
          declared.getParserPosition());
    }
    if (!table && declared.constraint() == ColumnConstraint.PRIMARY_KEY) {
      throw new PlanningException("Column " + column + " is declared PRIMARY KEY, but streams use KEY",
          declared.getParserPosition());
    }
  }

  private static String timestampColumn(WithProperties with, RowSchema schema) {
    SqlProperty property = with.literal(SourceProperties.TIMESTAMP).orElse(null);
    if (property == null) {
      return null;
    }
    String column = with.string(SourceProperties.TIMESTAMP).orElseThrow().toUpperCase(Locale.ROOT);
    Column found = schema.find(column).orElseThrow(() -> new PlanningException(
        "TIMESTAMP column '" + column + "' does not exist", property.position()));
    TypeName type = found.type().name();
    if (type != TypeName.BIGINT && type != TypeName.TIMESTAMP && type != TypeName.STRING) {
      throw new PlanningException("TIMESTAMP column " + column + " has type " + found.type().sql()
          + "; it must be BIGINT, TIMESTAMP or STRING", property.position());
    }
    return column;
  }

  private static String timestampFormat(WithProperties with, RowSchema schema, String timestampColumn) {
    SqlProperty property = with.literal(SourceProperties.TIMESTAMP_FORMAT).orElse(null);
    boolean isString = timestampColumn != null
        && schema.find(timestampColumn).orElseThrow().type().name() == TypeName.STRING;
    if (property == null) {
      if (isString) {
        throw new PlanningException("TIMESTAMP column " + timestampColumn
            + " is a STRING, so TIMESTAMP_FORMAT is required", with.literal(SourceProperties.TIMESTAMP).orElseThrow().position());
      }
      return null;
    }
    if (!isString) {
      throw new PlanningException("TIMESTAMP_FORMAT applies only to a STRING TIMESTAMP column", property.position());
    }
    String pattern = with.string(SourceProperties.TIMESTAMP_FORMAT).orElseThrow();
    try {
      DateTimeFormatter.ofPattern(pattern);
    } catch (IllegalArgumentException e) {
      throw new PlanningException("Invalid TIMESTAMP_FORMAT '" + pattern + "': " + e.getMessage(), property.position());
    }
    return pattern;
  }
}
