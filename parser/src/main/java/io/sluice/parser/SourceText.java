package io.sluice.parser;

import java.util.ArrayList;
import java.util.List;

/** The input text, addressable by the 1-based line and column that the generated lexer reports. */
final class SourceText {

  private final String text;
  private final int[] lineStarts;

  SourceText(String text) {
    this.text = text;
    final List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      // The lexer ends a line at \n, at \r\n, and at a \r on its own.
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String text() {
    return text;
  }

  /** The offset of the character at a line and column, kept within the text. */
  int offset(int line, int column) {
    final int lineStart = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
    return Math.min(lineStart + Math.max(column, 1) - 1, text.length());
  }

  /** The 1-based line and column of the character at an offset. */
  int[] position(int offset) {
    int line = lineStarts.length;
    while (line > 1 && lineStarts[line - 1] > offset) {
      line--;
    }
    return new int[] {line, offset - lineStarts[line - 1] + 1};
  }

  /** The text from one position to another, both ends included. */
  String between(int beginLine, int beginColumn, int endLine, int endColumn) {
    final int begin = offset(beginLine, beginColumn);
    final int end = Math.min(offset(endLine, endColumn) + 1, text.length());
    return text.substring(begin, Math.max(begin, end));
  }
}
