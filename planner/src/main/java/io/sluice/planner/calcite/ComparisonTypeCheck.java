package io.sluice.planner.calcite;

import io.sluice.planner.PlanningException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Refuses comparisons between values of different kinds, such as a string with a number, which
 * Calcite would otherwise allow by casting the string. As in ksqlDB, that is a type error.
 */
public final class ComparisonTypeCheck extends SqlBasicVisitor<Void> {

  private final SqlValidator validator;

  private ComparisonTypeCheck(SqlValidator validator) {
    this.validator = validator;
  }

  /** Checks every comparison in a validated node. */
  public static void check(SqlNode validated, SqlValidator validator) {
    validated.accept(new ComparisonTypeCheck(validator));
  }

  @Override
  public Void visit(SqlCall call) {
    SqlKind kind = call.getKind();
    if (SqlKind.BINARY_COMPARISON.contains(kind) || kind == SqlKind.BETWEEN || kind == SqlKind.IN
        || kind == SqlKind.NOT_IN) {
      List<SqlNode> operands = call.getOperandList();
      SqlNode left = operands.get(0);
      for (SqlNode right : operands.subList(1, operands.size())) {
        if (right instanceof SqlNodeList list) {
          list.forEach(item -> compare(call, left, item));
        } else if (right != null) {
          compare(call, left, right);
        }
      }
    }
    return super.visit(call);
  }

  private void compare(SqlCall call, SqlNode left, SqlNode right) {
    RelDataType leftType = validator.getValidatedNodeTypeIfKnown(left);
    RelDataType rightType = validator.getValidatedNodeTypeIfKnown(right);
    if (leftType == null || rightType == null) {
      return;
    }
    if (structured(leftType) || structured(rightType)) {
      throw new PlanningException("Comparing " + name(structured(leftType) ? leftType : rightType)
          + " values with " + call.getOperator().getName().toUpperCase(Locale.ROOT)
          + " is not supported yet; compare their fields or elements", call.getParserPosition());
    }
    if (comparable(leftType, rightType)) {
      return;
    }
    throw new PlanningException("Cannot compare " + left + " (" + name(leftType) + ") to " + right + " ("
        + name(rightType) + ") with " + call.getOperator().getName().toUpperCase(Locale.ROOT),
        call.getParserPosition());
  }

  private static boolean structured(RelDataType type) {
    return type.isStruct() || type.getSqlTypeName() == SqlTypeName.ARRAY
        || type.getSqlTypeName() == SqlTypeName.MAP;
  }

  private static boolean comparable(RelDataType a, RelDataType b) {
    if (a.getSqlTypeName() == SqlTypeName.NULL || b.getSqlTypeName() == SqlTypeName.NULL) {
      return true;
    }
    if (SqlTypeUtil.isNumeric(a) || SqlTypeUtil.isNumeric(b)) {
      return SqlTypeUtil.isNumeric(a) && SqlTypeUtil.isNumeric(b);
    }
    if (SqlTypeUtil.inCharFamily(a) || SqlTypeUtil.inCharFamily(b)) {
      return SqlTypeUtil.inCharFamily(a) && SqlTypeUtil.inCharFamily(b);
    }
    return a.getSqlTypeName().getFamily() == b.getSqlTypeName().getFamily();
  }

  private static String name(RelDataType type) {
    try {
      return TypeMapping.fromCalcite(type, null).sql();
    } catch (PlanningException e) {
      return type.getSqlTypeName().getName();
    }
  }
}
