package io.sluice.parser;

import io.sluice.parser.impl.SluiceSqlParserImpl;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * The SQL dialect Sluice prints: back-quoted identifiers (only where needed to read back the
 * same name), plain string literals, ksqlDB's {@code LIMIT n} and its {@code s->field}.
 */
public final class SluiceSqlDialect extends SqlDialect {

  public static final SluiceSqlDialect DEFAULT = new SluiceSqlDialect();

  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private static final SqlAbstractParserImpl.Metadata KEYWORDS =
      SluiceSqlParserImpl.FACTORY.getParser(new java.io.StringReader("")).getMetadata();

  private SluiceSqlDialect() {
    super(EMPTY_CONTEXT
        .withDatabaseProduct(DatabaseProduct.UNKNOWN)
        .withIdentifierQuoteString("`")
        .withUnquotedCasing(Casing.TO_UPPER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true));
  }

  /** A name needs quotes unless it reads back unchanged without them. */
  @Override
  protected boolean identifierNeedsQuote(String name) {
    return !PLAIN_IDENTIFIER.matcher(name).matches()
        || (KEYWORDS.isKeyword(name) && !KEYWORDS.isNonReservedKeyword(name));
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, String charsetName, String value) {
    buf.append('\'').append(value.replace("'", "''")).append('\'');
  }

  /** A field access prints as ksqlDB's {@code s->f}, which reads back as the same access. */
  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getKind() != SqlKind.DOT) {
      super.unparseCall(writer, call, leftPrec, rightPrec);
      return;
    }
    call.operand(0).unparse(writer, leftPrec, call.getOperator().getLeftPrec());
    writer.setNeedWhitespace(false);
    writer.print("->");
    writer.setNeedWhitespace(false);
    call.operand(1).unparse(writer, call.getOperator().getRightPrec(), rightPrec);
  }

  @Override
  public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
    unparseFetchUsingLimit(writer, offset, fetch);
  }
}
