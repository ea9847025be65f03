package io.sluice.runtime;

/**
 * Receives the output rows of a query whose plan ends in a sink to the client (a push query), on
 * the query's stream thread, in the order the query emits them.
 */
@FunctionalInterface
public interface ResultListener {

  /**
   * One output row, laid out as the sink's schema (key columns first, then value columns). A
   * {@code deletion} (a table result whose key left the table) holds the key columns and nulls.
   * The listener may block to apply back pressure; it must not keep {@code row} beyond the call
   * unless it copies it.
   */
  void onRow(Object[] row, boolean deletion);
}
