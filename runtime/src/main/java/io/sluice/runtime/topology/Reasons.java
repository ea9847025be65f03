package io.sluice.runtime.topology;

import io.sluice.runtime.expr.EvaluationException;
import io.sluice.runtime.serde.RecordFormatException;

/** Turns the exception that made a record bad into the processing log's human-readable reason. */
final class Reasons {

  private Reasons() {}

  static String of(RuntimeException e) {
    if (e instanceof RecordFormatException && e.getMessage() != null) {
      return e.getMessage();
    }
    return EvaluationException.describe(e);
  }
}
