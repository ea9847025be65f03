package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.AggregateRows;
import io.sluice.runtime.expr.EvaluationException;
import io.sluice.runtime.serde.RecordFormatException;

/** Turns the exception that made a record bad into the processing log's human-readable reason. */
final class Reasons {

  private Reasons() {}

  /** The reason an aggregate's result could not be computed, naming its column. */
  static String of(AggregateRows.ResultException e) {
    return "column " + e.column() + ": " + of(e.failure());
  }

  static String of(RuntimeException e) {
    if (e instanceof RecordFormatException && e.getMessage() != null) {
      return e.getMessage();
    }
    return EvaluationException.describe(e);
  }
}
