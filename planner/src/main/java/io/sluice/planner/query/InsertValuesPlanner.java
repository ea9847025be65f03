package io.sluice.planner.query;

import io.sluice.parser.ast.SqlInsertValues;
import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.Literal;
import io.sluice.planner.CatalogView;
import io.sluice.planner.PlanningException;
import io.sluice.planner.calcite.CalciteContext;
import io.sluice.planner.calcite.RexToExpr;
import io.sluice.planner.calcite.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Plans INSERT INTO ... VALUES: each value is a constant expression, typed by Calcite and converted
 * to its column's type. Columns left out are null; naming ROWTIME sets the record timestamp.
 */
public final class InsertValuesPlanner {

  private final CatalogView catalog;

  public InsertValuesPlanner(CatalogView catalog) {
    this.catalog = catalog;
  }

  public InsertValuesPlan plan(SqlInsertValues statement) {
    String name = statement.name().getSimple();
    SourceDescriptor target = catalog.source(name).orElseThrow(() -> new PlanningException(
        "Unknown stream or table '" + name + "'", statement.name().getParserPosition()));
    List<String> columns = targetColumns(statement, target);
    List<InsertValuesPlan.Row> rows = new ArrayList<>();
    for (SqlNodeList values : statement.rows()) {
      if (values.size() != columns.size()) {
        throw new PlanningException("Expected " + columns.size() + " values but got " + values.size(),
            values.getParserPosition());
      }
      rows.add(planRow(target, columns, values));
    }
    return new InsertValuesPlan(target, rows);
  }

  private static List<String> targetColumns(SqlInsertValues statement, SourceDescriptor target) {
    if (statement.columns() == null) {
      return target.schema().columns().stream().map(Column::name).toList();
    }
    List<String> names = new ArrayList<>();
    for (SqlNode node : statement.columns()) {
      String column = ((SqlIdentifier) node).getSimple();
      boolean known = target.schema().indexOf(column) >= 0 || column.equals(PseudoColumn.ROWTIME.name());
      if (!known) {
        throw new PlanningException("Unknown column '" + column + "' in " + target.name(), node.getParserPosition());
      }
      if (names.contains(column)) {
        throw new PlanningException("Column '" + column + "' is given twice", node.getParserPosition());
      }
      names.add(column);
    }
    return names;
  }

  private InsertValuesPlan.Row planRow(SourceDescriptor target, List<String> columns, SqlNodeList values) {
    CalciteContext calcite = new CalciteContext(catalog);
    SqlNodeList items = new SqlNodeList(values.getParserPosition());
    for (int i = 0; i < values.size(); i++) {
      SqlNode value = values.get(i);
      items.add(SqlStdOperatorTable.AS.createCall(value.getParserPosition(), value,
          new SqlIdentifier("V" + i, value.getParserPosition())));
    }
    SqlSelect select = new SqlSelect(values.getParserPosition(), null, items, null, null, null, null, null,
        null, null, null, null, null);
    RelNode rel = calcite.toRel(calcite.validate(select));
    List<RexNode> constants = constants(rel, values);
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    RexToExpr rex = new RexToExpr(rexBuilder, values.getParserPosition());
    Map<String, Expr> byColumn = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      DataType type = column.equals(PseudoColumn.ROWTIME.name())
          ? PseudoColumn.ROWTIME.type() : target.schema().find(column).orElseThrow().type();
      RexNode converted = convert(constants.get(i), type, column, calcite, rexBuilder, values.get(i));
      byColumn.put(column, rex.translate(converted));
    }
    List<Expr> row = new ArrayList<>();
    for (Column column : target.schema().columns()) {
      row.add(byColumn.getOrDefault(column.name(), Literal.nullOf(column.type())));
    }
    return new InsertValuesPlan.Row(row, byColumn.get(PseudoColumn.ROWTIME.name()));
  }

  /**
   * Whether a value of type {@code actual} may be stored in a column of type {@code target}:
   * numbers only widen (an INTEGER into a BIGINT, DECIMAL or DOUBLE column; never 2.7 into an
   * INTEGER), and a string may give a DATE, TIME or TIMESTAMP, which must then parse.
   */
  private static boolean assignable(RelDataType target, RelDataType actual) {
    if (SqlTypeUtil.isNumeric(target) || SqlTypeUtil.isNumeric(actual)) {
      return SqlTypeUtil.isNumeric(target) && SqlTypeUtil.isNumeric(actual) && widens(target, actual);
    }
    if (SqlTypeUtil.inCharFamily(actual) && SqlTypeUtil.isDatetime(target)) {
      return true;
    }
    return SqlTypeUtil.canAssignFrom(target, actual);
  }

  private static boolean widens(RelDataType target, RelDataType actual) {
    SqlTypeName to = target.getSqlTypeName();
    SqlTypeName from = actual.getSqlTypeName();
    boolean fromInteger = SqlTypeName.INT_TYPES.contains(from);
    return switch (to) {
      case DOUBLE, FLOAT, REAL -> true;
      case DECIMAL -> fromInteger || (from == SqlTypeName.DECIMAL && actual.getScale() <= target.getScale()
          && actual.getPrecision() - actual.getScale() <= target.getPrecision() - target.getScale());
      case BIGINT -> fromInteger;
      case INTEGER -> fromInteger && from != SqlTypeName.BIGINT;
      default -> false;
    };
  }

  /** The row's expressions: Calcite gives a projection over one empty row, or folds literals into a VALUES row. */
  private static List<RexNode> constants(RelNode rel, SqlNodeList values) {
    if (rel instanceof LogicalProject project && project.getInput() instanceof LogicalValues) {
      return project.getProjects();
    }
    if (rel instanceof LogicalValues row && row.getTuples().size() == 1) {
      return List.copyOf(row.getTuples().get(0));
    }
    throw new PlanningException("VALUES must be constant expressions", values.getParserPosition());
  }

  private static RexNode convert(
      RexNode value, DataType type, String column, CalciteContext calcite, RexBuilder rexBuilder, SqlNode at) {
    RelDataType target = TypeMapping.toCalcite(type, calcite.typeFactory());
    RelDataType actual = value.getType();
    if (actual.getSqlTypeName() == SqlTypeName.NULL) {
      return rexBuilder.makeNullLiteral(target);
    }
    if (!assignable(target, actual)) {
      throw new PlanningException("Expected type " + type.sql() + " for column " + column + " but got "
          + TypeMapping.fromCalcite(actual, at.getParserPosition()).sql(), at.getParserPosition());
    }
    return TypeMapping.sameSluiceType(actual, type) ? value : rexBuilder.makeCast(target, value, true, false);
  }
}
