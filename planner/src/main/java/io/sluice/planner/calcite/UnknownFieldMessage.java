package io.sluice.planner.calcite;

import io.sluice.planner.PlanningException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Completes Calcite's "Unknown field 'F'" with the type of the struct that lacks it, found from the
 * field access ({@code s->F} or {@code (s).F}) at the error's position.
 */
final class UnknownFieldMessage {

  private static final Pattern UNKNOWN_FIELD = Pattern.compile("^Unknown field '[^']*'$");

  private UnknownFieldMessage() {}

  /** The type of the struct before the dot, derived in the scope of its SELECT, or null. */
  private static RelDataType typeOf(SqlNode struct, SqlSelect select, SqlValidator validator) {
    try {
      SqlValidatorScope scope = validator.getSelectScope(select);
      return scope == null ? null : validator.deriveType(scope, struct);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String withStructType(String message, SqlNode query, SqlValidator validator, int line, int column) {
    if (message == null || !UNKNOWN_FIELD.matcher(message).matches()) {
      return message;
    }
    RelDataType[] found = new RelDataType[1];
    Deque<SqlSelect> selects = new ArrayDeque<>();
    query.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select) {
          selects.push(select);
          super.visit(call);
          selects.pop();
          return null;
        }
        if (call.getKind() == SqlKind.DOT && found[0] == null && !selects.isEmpty()) {
          SqlParserPos at = call.operand(1).getParserPosition();
          if (at.getLineNum() == line && at.getColumnNum() == column) {
            found[0] = typeOf(call.operand(0), selects.peek(), validator);
          }
        }
        return super.visit(call);
      }
    });
    if (found[0] == null || !found[0].isStruct()) {
      return message;
    }
    try {
      return message + " in " + TypeMapping.fromCalcite(found[0], SqlParserPos.ZERO).sql();
    } catch (PlanningException e) {
      return message;
    }
  }
}
