package io.sluice.server.pull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's text with its whole-number and string literals masked, found by reading the text
 * alone, without the parser: the key that lets a key lookup of a known shape skip parsing. It
 * agrees with {@link QueryShape} on the statements it accepts (the runner checks that it found the
 * same literals before using it); it gives up (null) on anything it does not read simply: decimal
 * or exponent numbers, prefixed strings, numbers beyond BIGINT.
 *
 * @param key the masked text with the literals' kinds
 * @param texts the masked literals' values, in text order
 * @param kinds each literal's kind: I (INTEGER-sized), L (BIGINT-sized) or S (string)
 */
record LexicalShape(String key, List<String> texts, String kinds) {

  static LexicalShape of(String sql) {
    StringBuilder key = new StringBuilder(sql.length());
    StringBuilder kinds = new StringBuilder();
    List<String> texts = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        key.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return null;
        }
        key.append(sql, i, end + 2);
        i = end + 2;
      } else if (c == '"' || c == '`') {
        int end = closing(sql, i, c);
        if (end < 0) {
          return null;
        }
        key.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '\'') {
        if (i > 0 && isIdentifierPart(sql.charAt(i - 1))) {
          return null;
        }
        int end = closing(sql, i, '\'');
        if (end < 0) {
          return null;
        }
        texts.add(sql.substring(i + 1, end).replace("''", "'"));
        kinds.append('S');
        key.append('?');
        i = end + 1;
      } else if (Character.isDigit(c) && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)) && sql.charAt(i - 1) != '.')) {
        int end = i;
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        if (end < n && (isIdentifierPart(sql.charAt(end)) || sql.charAt(end) == '.')) {
          return null;
        }
        String digits = sql.substring(i, end);
        BigInteger value = new BigInteger(digits);
        if (value.bitLength() > 63) {
          return null;
        }
        String text = value.toString();
        texts.add(text);
        kinds.append(value.bitLength() <= 31 ? 'I' : 'L');
        key.append('?');
        i = end;
      } else {
        key.append(c);
        i++;
      }
    }
    return new LexicalShape(key.append(" | ").append(kinds).toString(), texts, kinds.toString());
  }

  /** The index of the quote closing the one at {@code open}, a doubled quote being part of the text; -1 if none. */
  private static int closing(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
