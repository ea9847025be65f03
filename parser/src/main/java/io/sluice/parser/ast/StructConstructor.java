package io.sluice.parser.ast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.Static;

/**
 * ksqlDB's struct constructor {@code STRUCT(name := expr, ...)}: operands alternate each field's
 * name, as a string literal, and its value; the result is a non-null STRUCT of those fields.
 */
public final class StructConstructor extends SqlFunction {

  public static final StructConstructor OPERATOR = new StructConstructor();

  private StructConstructor() {
    super("STRUCT", SqlKind.OTHER_FUNCTION, StructConstructor::structType, null,
        OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);
  }

  private static RelDataType structType(SqlOperatorBinding binding) {
    List<String> names = new ArrayList<>();
    List<RelDataType> types = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i + 1 < binding.getOperandCount(); i += 2) {
      String name = binding.getOperandLiteralValue(i, String.class);
      if (!seen.add(name)) {
        throw binding instanceof SqlCallBinding call
            ? call.newError(Static.RESOURCE.duplicateNameInColumnList(name))
            : new IllegalArgumentException("Duplicate field name " + name);
      }
      names.add(name);
      types.add(binding.getTypeFactory().createTypeWithNullability(binding.getOperandType(i + 1), true));
    }
    return binding.getTypeFactory().createStructType(types, names);
  }

  /** Typed from its operands directly: there is no function of this name to look up. */
  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    for (SqlNode operand : call.getOperandList()) {
      validator.deriveType(scope, operand);
    }
    return validateOperands(validator, scope, call);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startFunCall("STRUCT");
    for (int i = 0; i + 1 < call.operandCount(); i += 2) {
      writer.sep(",");
      writer.identifier(((SqlLiteral) call.operand(i)).getValueAs(String.class), true);
      writer.print(":= ");
      call.operand(i + 1).unparse(writer, 0, 0);
    }
    writer.endFunCall(frame);
  }
}
