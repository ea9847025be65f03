package io.sluice.server.results;

import io.sluice.plan.RowSchema;
import java.time.Duration;
import java.util.Map;

/**
 * The rows of one pull or push query, in order, as its single client reads them.
 *
 * <p>A row is an {@code Object[]} laid out as {@link #schema()}, each value of its column type's
 * Java class ({@code DataType.javaClass()}), or null. A pull query's results end after its last
 * row; a push query's end when it reaches its LIMIT, is closed, or fails.
 */
public interface QueryResults extends AutoCloseable {

  /** The query's id, unique on this server, as given to clients (and to {@code /close-query}). */
  String queryId();

  /** The columns of each row, in order; key columns are marked KEY. */
  RowSchema schema();

  /**
   * The next row, waiting up to {@code timeout} for it; null if none came in that time or the
   * results have ended (then {@link #ended()} is true).
   */
  Object[] poll(Duration timeout) throws InterruptedException;

  /** True once every row has been returned by {@link #poll} and no more will come. */
  boolean ended();

  /** Why the query stopped before its end, once ended; null if it ended normally. */
  String failure();

  /**
   * True if {@code row}, as just returned by {@link #poll}, deletes its key from a table result
   * (ksqlDB's tombstone): it holds the key columns, the others are null.
   */
  default boolean isDeletion(Object[] row) {
    return false;
  }

  /**
   * True if every row is already here, so {@link #poll} never waits (a pull query's results): the
   * response can then be written whole, with its length, rather than row by row.
   */
  default boolean complete() {
    return false;
  }

  /**
   * The message a client gets once the results ended normally, such as {@code Limit Reached}
   * ({@code finalMessage} in ksqlDB's {@code /query}); null for none.
   */
  default String finalMessage() {
    return null;
  }

  /**
   * HTTP headers for the response that streams these results, known before the first row (a pull
   * query's {@code X-Sluice-Pull-Source}); empty for none.
   */
  default Map<String, String> responseHeaders() {
    return Map.of();
  }

  /** Stops the query and frees what it holds (for a push query: its topology and state); idempotent. */
  @Override
  void close();
}
