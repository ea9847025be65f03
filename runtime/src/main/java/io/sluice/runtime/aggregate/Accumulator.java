package io.sluice.runtime.aggregate;

import io.sluice.runtime.serde.BinaryReader;
import io.sluice.runtime.serde.BinaryWriter;

/**
 * The running state of one aggregate function for one group (and window). Each function's class
 * follows {@link io.sluice.plan.node.AggregateFunction}'s semantics; instances are not thread-safe
 * and live only while one record updates them.
 */
public interface Accumulator {

  /** Adds one row's argument value (null for COUNT(*)). */
  void add(Object value);

  /**
   * Takes one earlier-added value back out, for TABLE inputs. Only functions whose
   * {@link io.sluice.plan.node.AggregateFunction#undoable()} is true support it; the runtime never
   * aggregates a table with the others.
   */
  void undo(Object value);

  /** Folds in {@code later}, the state of a session that this one's session merges with (and precedes). */
  void merge(Accumulator later);

  /** The function's current result, in the aggregate's result type. */
  Object result();

  void write(BinaryWriter out);

  /** Restores what {@link #write} wrote into this fresh instance. */
  void read(BinaryReader in);
}
