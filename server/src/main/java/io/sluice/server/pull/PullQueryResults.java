package io.sluice.server.pull;

import io.sluice.plan.RowSchema;
import io.sluice.server.results.QueryResults;
import java.time.Duration;
import java.util.List;

/** The rows of a pull query, all read before the results are handed out: a finite, in-order list. */
final class PullQueryResults implements QueryResults {

  private final String queryId;
  private final RowSchema schema;
  private final List<Object[]> rows;
  private int next;
  private boolean closed;

  PullQueryResults(String queryId, RowSchema schema, List<Object[]> rows) {
    this.queryId = queryId;
    this.schema = schema;
    this.rows = rows;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  @Override
  public synchronized Object[] poll(Duration timeout) {
    if (closed || next >= rows.size()) {
      return null;
    }
    return rows.get(next++);
  }

  @Override
  public synchronized boolean ended() {
    return closed || next >= rows.size();
  }

  @Override
  public String failure() {
    return null;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
