package io.sluice.server.pull;

import io.sluice.plan.RowSchema;
import io.sluice.server.results.QueryResults;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The rows of a pull query, all read before the results are handed out: a finite, in-order list. */
final class PullQueryResults implements QueryResults {

  private final String queryId;
  private final RowSchema schema;
  private final List<Object[]> rows;
  private final boolean fromStandby;
  private int next;
  private boolean closed;

  /** @param fromStandby true if some rows were read from a standby copy of their partition */
  PullQueryResults(String queryId, RowSchema schema, List<Object[]> rows, boolean fromStandby) {
    this.queryId = queryId;
    this.schema = schema;
    this.rows = rows;
    this.fromStandby = fromStandby;
  }

  /** Says whether the rows came from active stores or (some of them) from standby copies. */
  @Override
  public Map<String, String> responseHeaders() {
    return Map.of(PullQueryRouter.SOURCE_HEADER,
        fromStandby ? PullQueryRouter.SOURCE_STANDBY : PullQueryRouter.SOURCE_ACTIVE);
  }

  @Override
  public boolean complete() {
    return true;
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
