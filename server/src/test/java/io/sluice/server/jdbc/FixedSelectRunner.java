package io.sluice.server.jdbc;

import io.sluice.plan.RowSchema;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.results.SelectRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test double of our own {@link SelectRunner}: every SELECT gets the rows the test gave, of the
 * schema the test gave, and the runner records the SQL it was asked to run. Push results stay
 * open, taking rows from {@link Results#offer} until closed. It stands in for the real pull and
 * push runners, so these tests check the JDBC path only; the end-to-end path through the real
 * runners is tested once they are merged.
 */
final class FixedSelectRunner implements SelectRunner {

  final List<String> statements = new CopyOnWriteArrayList<>();
  final List<Map<String, String>> properties = new CopyOnWriteArrayList<>();
  final List<Results> started = new CopyOnWriteArrayList<>();
  private volatile RowSchema schema;
  private volatile List<Object[]> rows = List.of();
  private volatile boolean push;
  private volatile SelectRefusedException refusal;

  /** Answers the next SELECTs with these rows, then ends (a pull query). */
  void pull(RowSchema schema, List<Object[]> rows) {
    this.schema = schema;
    this.rows = rows;
    this.push = false;
  }

  /** Answers the next SELECTs with results that stay open for {@link Results#offer}ed rows (a push query). */
  void push(RowSchema schema) {
    this.schema = schema;
    this.rows = List.of();
    this.push = true;
  }

  /** Refuses the next SELECTs with {@code refusal}, as the real runners refuse bad SQL. */
  void refuse(SelectRefusedException refusal) {
    this.refusal = refusal;
  }

  @Override
  public QueryResults run(String sql, Map<String, String> properties) {
    if (refusal != null) {
      throw refusal;
    }
    statements.add(sql);
    this.properties.add(Map.copyOf(properties));
    Results results = new Results("q" + started.size(), schema, push);
    rows.forEach(results::offer);
    if (!push) {
      results.end();
    }
    started.add(results);
    return results;
  }

  /** Rows handed out in order; ended after {@link #end} once drained, or at once when closed. */
  static final class Results implements QueryResults {

    private static final Object[] END = new Object[0];
    private final String id;
    private final RowSchema schema;
    private final boolean push;
    private final BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ended;

    Results(String id, RowSchema schema, boolean push) {
      this.id = id;
      this.schema = schema;
      this.push = push;
    }

    /** A pull query's rows are all there from the start, as the real pull runner's are. */
    @Override
    public boolean complete() {
      return !push;
    }

    void offer(Object[] row) {
      queue.add(row);
    }

    void end() {
      queue.add(END);
    }

    boolean isClosed() {
      return closed.get();
    }

    @Override
    public String queryId() {
      return id;
    }

    @Override
    public RowSchema schema() {
      return schema;
    }

    @Override
    public Object[] poll(Duration timeout) throws InterruptedException {
      if (ended) {
        return null;
      }
      Object[] row = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (row == END) {
        ended = true;
        return null;
      }
      if (row == null && queue.peek() == END) {
        queue.poll();
        ended = true;
      }
      return row;
    }

    @Override
    public boolean ended() {
      if (!ended && queue.peek() == END) {
        queue.poll();
        ended = true;
      }
      return ended;
    }

    @Override
    public String failure() {
      return null;
    }

    @Override
    public void close() {
      closed.set(true);
      ended = true;
      queue.add(END);
    }
  }
}
