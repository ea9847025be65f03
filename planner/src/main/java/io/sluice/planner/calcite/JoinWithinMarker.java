package io.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * The operator of the conjunct that carries a join's WITHIN clause through validation and into the
 * relational plan: {@code WITHIN(before, after, grace)} in milliseconds, grace -1 when not written.
 * It is always TRUE as a condition; the join planner takes it out of the condition and makes it the
 * join's window.
 */
public final class JoinWithinMarker extends SqlSpecialOperator {

  public static final JoinWithinMarker INSTANCE = new JoinWithinMarker();

  /** The grace operand when no GRACE PERIOD was written. */
  public static final long NO_GRACE = -1;

  private JoinWithinMarker() {
    super("WITHIN", SqlKind.OTHER, 0, true, ReturnTypes.BOOLEAN, null,
        OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER));
  }

  /** Typed without looking the operator up in the operator table, where statements cannot reach it. */
  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    return validator.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN);
  }

  /** True if {@code node} is a WITHIN marker. */
  public static boolean is(RexNode node) {
    return node instanceof RexCall call && call.getOperator() == INSTANCE;
  }

  /** Operand {@code i} of a marker, in milliseconds. */
  public static long operand(RexNode marker, int i) {
    RexLiteral literal = (RexLiteral) ((RexCall) marker).getOperands().get(i);
    return literal.getValueAs(Long.class);
  }
}
