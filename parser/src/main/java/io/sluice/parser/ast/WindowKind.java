package io.sluice.parser.ast;

/** The kinds of window ksqlDB's {@code WINDOW} clause declares. */
public enum WindowKind {
  /** Fixed-size windows that do not overlap: {@code TUMBLING (SIZE d)}. */
  TUMBLING,
  /** Fixed-size windows that start every {@code ADVANCE BY} and may overlap. */
  HOPPING,
  /** Windows of activity per key, closed after a gap without records. */
  SESSION
}
