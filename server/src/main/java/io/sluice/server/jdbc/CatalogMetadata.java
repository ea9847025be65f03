package io.sluice.server.jdbc;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.SourceType;
import io.sluice.plan.TypeName;
import io.sluice.server.catalog.Catalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The server's catalog as JDBC metadata rows: streams, tables and views as tables of type STREAM,
 * TABLE and VIEW, with no catalog and no schema, and their key and value columns.
 */
final class CatalogMetadata {

  static final String STREAM = "STREAM";
  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  /** The largest DECIMAL precision Sluice's SQL accepts. */
  static final int MAX_DECIMAL_PRECISION = 38;

  private final Catalog catalog;

  CatalogMetadata(Catalog catalog) {
    this.catalog = catalog;
  }

  List<Object> tables(String catalogName, Meta.Pat schema, Meta.Pat name, List<String> types) {
    List<Object> rows = new ArrayList<>();
    if (!noCatalogOrSchema(catalogName, schema)) {
      return rows;
    }
    for (Relation relation : relations(name)) {
      if (types == null || types.contains(relation.type())) {
        rows.add(new MetaImpl.MetaTable(null, null, relation.name(), relation.type()));
      }
    }
    return rows;
  }

  List<Object> columns(String catalogName, Meta.Pat schema, Meta.Pat table, Meta.Pat column) {
    List<Object> rows = new ArrayList<>();
    if (!noCatalogOrSchema(catalogName, schema)) {
      return rows;
    }
    Pattern columnPattern = like(column);
    for (Relation relation : relations(table)) {
      List<Column> columns = relation.columns();
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        if (columnPattern.matcher(c.name()).matches()) {
          rows.add(new MetaImpl.MetaColumn(null, null, relation.name(), c.name(), JdbcTypes.sqlType(c.type()),
              JdbcTypes.typeName(c.type()), JdbcTypes.columnSize(c.type()), JdbcTypes.decimalDigits(c.type()),
              JdbcTypes.radix(c.type()), DatabaseMetaData.columnNullable, null, i + 1, "YES"));
        }
      }
    }
    return rows;
  }

  /** Rows as arrays of their public fields, in the order {@code MetaImpl.fieldMetaData} makes columns of them. */
  static List<Object> arrays(Class<?> rowClass, List<Object> rows) {
    List<Field> fields = Arrays.stream(rowClass.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
    List<Object> arrays = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < values.length; i++) {
        try {
          values[i] = fields.get(i).get(row);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
      arrays.add(values);
    }
    return arrays;
  }

  /**
   * {@code DatabaseMetaData.getTypeInfo}: Sluice's column types as JDBC sees them (STRING as
   * VARCHAR, BYTES as VARBINARY), ordered by their {@code java.sql.Types} code as JDBC asks.
   * ARRAY and MAP are left out: they exist only with an element type.
   */
  static List<Object> typeInfo() {
    List<DataType> types = List.of(DataType.BOOLEAN, DataType.INTEGER, DataType.BIGINT, DataType.DOUBLE,
        DataType.decimal(MAX_DECIMAL_PRECISION, 0), DataType.STRING, DataType.BYTES, DataType.DATE, DataType.TIME,
        DataType.TIMESTAMP);
    List<Object> rows = new ArrayList<>();
    for (DataType type : types) {
      boolean decimal = type.name() == TypeName.DECIMAL;
      boolean text = type.name() == TypeName.STRING;
      boolean temporal = type.name() == TypeName.DATE || type.name() == TypeName.TIME
          || type.name() == TypeName.TIMESTAMP;
      rows.add(new MetaImpl.MetaTypeInfo(JdbcTypes.typeName(type), JdbcTypes.sqlType(type),
          JdbcTypes.columnSize(type), text || temporal ? "'" : null, text || temporal ? "'" : null,
          (short) DatabaseMetaData.typeNullable, text, (short) DatabaseMetaData.typeSearchable, false, false, false,
          (short) 0, decimal ? (short) MAX_DECIMAL_PRECISION : (short) 0, type.isNumeric() ? 10 : 0));
    }
    rows.sort(Comparator.comparingInt(row -> ((MetaImpl.MetaTypeInfo) row).dataType));
    return rows;
  }

  static List<Object> tableTypes() {
    return List.of(new MetaImpl.MetaTableType(STREAM), new MetaImpl.MetaTableType(TABLE),
        new MetaImpl.MetaTableType(VIEW));
  }

  private static String typeOf(SourceDescriptor source) {
    return source.type() == SourceType.TABLE ? TABLE : STREAM;
  }

  /** A stream, table or view as JDBC lists it. */
  private record Relation(String name, String type, List<Column> columns) {}

  /** The streams, tables and views whose names match, by type and then name, as JDBC orders them. */
  private List<Relation> relations(Meta.Pat name) {
    Pattern pattern = like(name);
    List<Relation> relations = new ArrayList<>();
    catalog.sources().forEach(s -> relations.add(new Relation(s.name(), typeOf(s), s.schema().columns())));
    catalog.views().forEach(v -> relations.add(new Relation(v.name(), VIEW, v.schema().columns())));
    return relations.stream()
        .filter(relation -> pattern.matcher(relation.name()).matches())
        .sorted(Comparator.comparing(Relation::type).thenComparing(Relation::name))
        .toList();
  }

  /** Sources have no catalog and no schema: a filter on either matches only if it matches "". */
  private static boolean noCatalogOrSchema(String catalogName, Meta.Pat schema) {
    return (catalogName == null || catalogName.isEmpty()) && like(schema).matcher("").matches();
  }

  /** A JDBC LIKE pattern ({@code %}, {@code _}, backslash escapes) as a regex; null matches everything. */
  static Pattern like(Meta.Pat pat) {
    String text = pat == null ? null : pat.s;
    if (text == null) {
      return Pattern.compile("(?s).*");
    }
    StringBuilder regex = new StringBuilder("(?s)");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        regex.append(Pattern.quote(String.valueOf(text.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
