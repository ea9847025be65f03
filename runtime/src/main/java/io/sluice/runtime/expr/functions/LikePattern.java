package io.sluice.runtime.expr.functions;

import java.util.regex.Pattern;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one, and
 * the escape character (if any) makes the next {@code %}, {@code _} or escape character literal.
 * Matching is case-sensitive and covers the whole string. Immutable and thread-safe, so a pattern
 * given as a literal is compiled once per query.
 */
public final class LikePattern {

  private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX }

  private final Shape shape;
  private final String text;
  private final Pattern regex;

  private LikePattern(Shape shape, String text, Pattern regex) {
    this.shape = shape;
    this.text = text;
    this.regex = regex;
  }

  /**
   * Compiles {@code pattern}; {@code escape} is null for none. Throws
   * {@link IllegalArgumentException} for an escape that is not one character or that is followed
   * by anything but {@code %}, {@code _} or itself.
   */
  public static LikePattern compile(String pattern, String escape) {
    char esc = 0;
    boolean hasEscape = escape != null;
    if (hasEscape) {
      if (escape.length() != 1) {
        throw new IllegalArgumentException("LIKE escape must be a single character, got '" + escape + "'");
      }
      esc = escape.charAt(0);
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    boolean underscore = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (hasEscape && c == esc) {
        if (i + 1 == pattern.length()) {
          throw new IllegalArgumentException("LIKE pattern '" + pattern + "' ends with its escape character");
        }
        char next = pattern.charAt(++i);
        if (next != '%' && next != '_' && next != esc) {
          throw new IllegalArgumentException(
              "LIKE pattern '" + pattern + "' escapes '" + next + "'; only %, _ and the escape itself can be escaped");
        }
        literal.append(next);
      } else if (c == '%' || c == '_') {
        underscore |= c == '_';
        flushLiteral(literal, regex);
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flushLiteral(literal, regex);
    return simpleShape(pattern, hasEscape, underscore)
        ? simple(pattern)
        : new LikePattern(Shape.REGEX, null, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  public boolean matches(String s) {
    return switch (shape) {
      case EXACT -> s.equals(text);
      case PREFIX -> s.startsWith(text);
      case SUFFIX -> s.endsWith(text);
      case CONTAINS -> s.contains(text);
      case REGEX -> regex.matcher(s).matches();
    };
  }

  private static void flushLiteral(StringBuilder literal, StringBuilder regex) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  /** True for the common shapes {@code abc}, {@code abc%}, {@code %abc} and {@code %abc%}, matched without a regex. */
  private static boolean simpleShape(String pattern, boolean hasEscape, boolean underscore) {
    if (hasEscape || underscore) {
      return false;
    }
    int start = pattern.startsWith("%") ? 1 : 0;
    int end = pattern.length() > start && pattern.endsWith("%") ? pattern.length() - 1 : pattern.length();
    return pattern.substring(start, end).indexOf('%') < 0;
  }

  private static LikePattern simple(String pattern) {
    boolean leading = pattern.startsWith("%");
    boolean trailing = pattern.length() > (leading ? 1 : 0) && pattern.endsWith("%");
    String core = pattern.substring(leading ? 1 : 0, trailing ? pattern.length() - 1 : pattern.length());
    Shape shape = leading ? (trailing ? Shape.CONTAINS : Shape.SUFFIX) : (trailing ? Shape.PREFIX : Shape.EXACT);
    return new LikePattern(shape, core, null);
  }
}
