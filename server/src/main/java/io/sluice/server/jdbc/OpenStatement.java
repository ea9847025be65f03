package io.sluice.server.jdbc;

import io.sluice.plan.RowSchema;
import io.sluice.server.results.QueryResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta;

/**
 * One JDBC statement on the server: its prepared SQL, if any, and the rows of its current SELECT,
 * which fetches hand out frame by frame. A close from another thread ends a fetch in progress.
 */
final class OpenStatement {

  /** How long one poll of the results waits, so that a close is seen quickly by a waiting fetch. */
  private static final Duration SLICE = Duration.ofMillis(100);

  private final Meta.StatementHandle handle;
  private final Object fetching = new Object();
  private volatile Current current;
  private volatile boolean closed;
  /** When a client last asked for these results (System.nanoTime), to end those a vanished client left. */
  private volatile long lastRead = System.nanoTime();

  /** The results being read, their schema, whether they are a push query, and how many rows were sent. */
  private record Current(QueryResults results, RowSchema schema, boolean push, long maxRows, long[] sent) {}

  OpenStatement(Meta.StatementHandle handle) {
    this.handle = handle;
  }

  Meta.StatementHandle handle() {
    return handle;
  }

  boolean hasResults() {
    return current != null;
  }

  /** Replaces the current results (closing the previous ones); {@code maxRows} of 0 or less means all. */
  void open(QueryResults results, boolean push, long maxRows) {
    closeResults();
    lastRead = System.nanoTime();
    current = new Current(results, results.schema(), push, maxRows, new long[1]);
    if (closed) {
      closeResults();
    }
  }

  /**
   * The next frame of at most {@code maxRows} rows. It waits up to {@code wait} for a first row;
   * a push query then takes only the rows already there, a pull query keeps waiting until its
   * results end, the frame is full, or {@code wait} has passed. The frame is done once the
   * results have ended (or were closed); an empty frame that is not done means "ask again".
   *
   * @throws QueryFailedException when the results ended with a failure
   */
  Meta.Frame nextFrame(long offset, int maxRows, Duration wait) throws InterruptedException {
    synchronized (fetching) {
      lastRead = System.nanoTime();
      Current now = current;
      if (now == null) {
        return Meta.Frame.EMPTY;
      }
      List<Object> rows = new ArrayList<>();
      long deadline = System.nanoTime() + wait.toNanos();
      boolean limitReached = false;
      while (rows.size() < maxRows && !closed && current == now && !now.results().ended()) {
        if (now.maxRows() > 0 && now.sent()[0] >= now.maxRows()) {
          limitReached = true;
          break;
        }
        long left = deadline - System.nanoTime();
        Duration pollFor;
        if (!rows.isEmpty() && now.push()) {
          pollFor = Duration.ZERO;
        } else if (left <= 0) {
          break;
        } else {
          pollFor = Duration.ofNanos(Math.min(left, SLICE.toNanos()));
        }
        Object[] row = now.results().poll(pollFor);
        if (row != null) {
          rows.add(wire(row, now.schema()));
          now.sent()[0]++;
        } else if (pollFor.isZero()) {
          break;
        }
      }
      boolean done = closed || current != now || limitReached || now.results().ended()
          || (now.maxRows() > 0 && now.sent()[0] >= now.maxRows());
      String failure = now.results().ended() ? now.results().failure() : null;
      if (done) {
        now.results().close();
      }
      if (failure != null) {
        throw new QueryFailedException(failure);
      }
      return new Meta.Frame(offset, done, rows);
    }
  }

  /** A query that stopped with a failure while a client was reading it. */
  static final class QueryFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    QueryFailedException(String failure) {
      super("The query failed: " + failure);
    }
  }

  private static List<Object> wire(Object[] row, RowSchema schema) {
    List<Object> out = new ArrayList<>(row.length);
    for (int i = 0; i < row.length; i++) {
      out.add(JdbcTypes.toWire(row[i], schema.column(i).type()));
    }
    return out;
  }

  /** True if the statement has results that no client has read for {@code idle}. */
  boolean unreadFor(Duration idle) {
    return current != null && System.nanoTime() - lastRead > idle.toNanos();
  }

  /** Stops the current results, if any; the statement stays open for the next execution. */
  void closeResults() {
    Current now = current;
    current = null;
    if (now != null) {
      now.results().close();
    }
  }

  /** Closes the statement and its results; a fetch in progress returns its last frame. */
  void close() {
    closed = true;
    closeResults();
  }
}
