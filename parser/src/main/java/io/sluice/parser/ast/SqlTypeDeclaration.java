package io.sluice.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A ksqlDB column type as written, such as {@code DECIMAL(10, 2)} or
 * {@code MAP<STRING, ARRAY<INT>>}, with its position for error messages.
 */
public final class SqlTypeDeclaration extends SqlCall {

  public static final SqlOperator OPERATOR = new SluiceOperator("TYPE", SqlKind.OTHER,
      (pos, operands) -> new SqlTypeDeclaration(pos, Operands.symbol(operands[0], TypeKind.class),
          Operands.integer(operands[1]), Operands.integer(operands[2]),
          Operands.list(operands[3], SqlTypeDeclaration.class),
          Operands.list(operands[4], SqlColumnDeclaration.class)));

  private final TypeKind kind;
  private final Integer precision;
  private final Integer scale;
  private final List<SqlTypeDeclaration> elementTypes;
  private final List<SqlColumnDeclaration> fields;

  private SqlTypeDeclaration(SqlParserPos pos, TypeKind kind, Integer precision, Integer scale,
      List<SqlTypeDeclaration> elementTypes, List<SqlColumnDeclaration> fields) {
    super(pos);
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.elementTypes = List.copyOf(elementTypes);
    this.fields = List.copyOf(fields);
  }

  /** A type without parameters, such as BIGINT or STRING. */
  public static SqlTypeDeclaration of(SqlParserPos pos, TypeKind kind) {
    return new SqlTypeDeclaration(pos, kind, null, null, List.of(), List.of());
  }

  public static SqlTypeDeclaration decimal(SqlParserPos pos, int precision, int scale) {
    return new SqlTypeDeclaration(pos, TypeKind.DECIMAL, precision, scale, List.of(), List.of());
  }

  public static SqlTypeDeclaration array(SqlParserPos pos, SqlTypeDeclaration element) {
    return new SqlTypeDeclaration(pos, TypeKind.ARRAY, null, null, List.of(element), List.of());
  }

  public static SqlTypeDeclaration map(SqlParserPos pos, SqlTypeDeclaration key,
      SqlTypeDeclaration value) {
    return new SqlTypeDeclaration(pos, TypeKind.MAP, null, null, List.of(key, value), List.of());
  }

  public static SqlTypeDeclaration struct(SqlParserPos pos, List<SqlColumnDeclaration> fields) {
    return new SqlTypeDeclaration(pos, TypeKind.STRUCT, null, null, List.of(), fields);
  }

  public TypeKind kind() {
    return kind;
  }

  /** The precision of a DECIMAL, otherwise null. */
  public Integer precision() {
    return precision;
  }

  /** The scale of a DECIMAL, otherwise null. */
  public Integer scale() {
    return scale;
  }

  /** The element type of an ARRAY, or the key and value types of a MAP; otherwise empty. */
  public List<SqlTypeDeclaration> elementTypes() {
    return elementTypes;
  }

  /** The fields of a STRUCT, in order; otherwise empty. */
  public List<SqlColumnDeclaration> fields() {
    return fields;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(Operands.symbol(kind), Operands.integer(precision),
        Operands.integer(scale), Operands.nodeList(elementTypes), Operands.nodeList(fields));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind.name());
    switch (kind) {
      case DECIMAL -> {
        writer.setNeedWhitespace(false);
        writer.print("(" + precision + ", " + scale + ")");
      }
      case ARRAY, MAP -> angleBracketed(writer, elementTypes);
      case STRUCT -> angleBracketed(writer, fields);
      default -> { }
    }
  }

  private static void angleBracketed(SqlWriter writer, List<? extends SqlNode> members) {
    writer.setNeedWhitespace(false);
    writer.print("<");
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        writer.setNeedWhitespace(false);
        writer.print(", ");
      }
      writer.setNeedWhitespace(false);
      members.get(i).unparse(writer, 0, 0);
    }
    writer.setNeedWhitespace(false);
    writer.print(">");
  }
}
