package io.sluice.server.pull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A statement's text with its whole-number and string literals masked, and those literals in text
 * order: two statements of one shape differ only in such literals. Every other literal stays in
 * the text, and a literal's kind (INTEGER-sized, BIGINT-sized, string) is part of the shape, since
 * it decides the literal's SQL type.
 *
 * @param key the masked text with the literals' kinds
 * @param texts the masked literals' values as the plan writes them, in text order
 * @param kinds each literal's kind: I (INTEGER-sized), L (BIGINT-sized) or S (string)
 */
record QueryShape(String key, List<String> texts, String kinds) {

  /**
   * The shape of {@code sql}, a single statement whose parse tree is {@code node}; null when a
   * literal's position does not lead to its text (then the statement has no shape to share).
   */
  static QueryShape of(String sql, SqlNode node) {
    List<SqlLiteral> found = new ArrayList<>();
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlLiteral literal) {
        if (kind(literal) != null && literal.getParserPosition() != SqlParserPos.ZERO) {
          found.add(literal);
        }
        return null;
      }
    });
    int[] lineStarts = lineStarts(sql);
    found.sort((a, b) -> Integer.compare(offset(a.getParserPosition(), lineStarts, false),
        offset(b.getParserPosition(), lineStarts, false)));
    StringBuilder key = new StringBuilder();
    StringBuilder kinds = new StringBuilder();
    int at = 0;
    List<String> texts = new ArrayList<>();
    for (SqlLiteral literal : found) {
      int start = offset(literal.getParserPosition(), lineStarts, false);
      int end = offset(literal.getParserPosition(), lineStarts, true);
      if (start < at || end > sql.length() || start >= end || !spells(sql.substring(start, end), literal)) {
        return null;
      }
      key.append(sql, at, start).append('?');
      kinds.append(kind(literal));
      at = end;
      texts.add(text(literal));
    }
    key.append(sql.substring(at)).append(" | ").append(kinds);
    return new QueryShape(key.toString(), texts, kinds.toString());
  }

  /** The literal's value as the plan writes it (digits, or the string itself), or null if it is not masked. */
  private static String text(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral number && number.isExact()) {
      BigDecimal value = number.bigDecimalValue();
      return value == null ? null : value.toPlainString();
    }
    if (literal instanceof SqlCharStringLiteral string) {
      return string.getValueAs(String.class);
    }
    return null;
  }

  /** True if {@code span} of the text is the literal itself: its digits, or a quoted string. */
  private static boolean spells(String span, SqlLiteral literal) {
    if (literal instanceof SqlCharStringLiteral) {
      return span.length() >= 2 && span.charAt(0) == '\'' && span.charAt(span.length() - 1) == '\'';
    }
    return span.equals(text(literal));
  }

  /** I for a whole number that fits an INTEGER, L for one that fits a BIGINT, S for a string; null for the rest. */
  private static Character kind(SqlLiteral literal) {
    if (literal instanceof SqlNumericLiteral number && number.isExact()) {
      BigDecimal value = number.bigDecimalValue();
      if (value == null || value.scale() > 0) {
        return null;
      }
      if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
        return 'I';
      }
      return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
          && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? 'L' : null;
    }
    return literal instanceof SqlCharStringLiteral ? 'S' : null;
  }

  private static int[] lineStarts(String sql) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The offset in the text of a position's start, or just past its end. */
  private static int offset(SqlParserPos pos, int[] lineStarts, boolean end) {
    int line = end ? pos.getEndLineNum() : pos.getLineNum();
    int column = end ? pos.getEndColumnNum() : pos.getColumnNum();
    if (line < 1 || line > lineStarts.length) {
      return -1;
    }
    return lineStarts[line - 1] + column - (end ? 0 : 1);
  }
}
