package io.sluice.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriterConfig;
import org.apache.calcite.sql.pretty.SqlPrettyWriter;

/** Prints ASTs as canonical Sluice SQL: one line, upper-case keywords, minimal quoting. */
final class CanonicalSql {

  private static final SqlWriterConfig CONFIG = SqlPrettyWriter.config()
      .withDialect(SluiceSqlDialect.DEFAULT)
      .withQuoteAllIdentifiers(false)
      .withAlwaysUseParentheses(false)
      .withSelectListItemsOnSeparateLines(false)
      .withUpdateSetListNewline(false)
      .withClauseStartsLine(false)
      .withClauseEndsLine(false)
      .withFromFolding(SqlWriterConfig.LineFolding.WIDE)
      .withIndentation(0);

  private CanonicalSql() {}

  static String of(SqlNode node) {
    final SqlPrettyWriter writer = new SingleLineWriter();
    node.unparse(writer, 0, 0);
    return writer.toSqlString().getSql();
  }

  /** A pretty writer whose line breaks (some of Calcite's are unconditional) become spaces. */
  private static final class SingleLineWriter extends SqlPrettyWriter {

    SingleLineWriter() {
      super(CONFIG);
    }

    @Override
    public void newlineAndIndent() {
      setNeedWhitespace(true);
    }

    @Override
    public void newlineAndIndent(int indent) {
      setNeedWhitespace(true);
    }
  }
}
