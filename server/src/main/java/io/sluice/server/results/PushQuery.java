package io.sluice.server.results;

import io.sluice.plan.RowSchema;
import io.sluice.runtime.ResultListener;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live results of one push query: its topology's stream thread offers rows through
 * {@link #onRow} into a bounded queue, which its one client drains through {@link #poll}. A full
 * queue blocks the stream thread, so a slow client slows its query rather than filling the heap.
 * The results end at the LIMIT, on a failure, or when the query is closed.
 */
public final class PushQuery implements QueryResults, ResultListener {

  private static final int CAPACITY = 1024;
  private static final long OFFER_WAIT_MS = 100;

  private record Entry(Object[] row, boolean deletion) {}

  private final String queryId;
  private final String statementText;
  private final RowSchema schema;
  private final Long limit;
  private final Consumer<PushQuery> onClose;
  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong offered = new AtomicLong();
  private volatile boolean limitReached;
  private volatile String failure;
  private Object[] lastDeletion;

  /**
   * @param statementText the SELECT as the client sent it, for SHOW QUERIES
   * @param limit the number of rows after which the results end, or null for no limit
   * @param onClose what stops the query's topology and frees its resources, run once by {@link #close}
   */
  PushQuery(String queryId, String statementText, RowSchema schema, Long limit, Consumer<PushQuery> onClose) {
    this.queryId = queryId;
    this.statementText = statementText;
    this.schema = schema;
    this.limit = limit;
    this.onClose = onClose;
  }

  @Override
  public String queryId() {
    return queryId;
  }

  /** The SELECT as the client sent it. */
  String statementText() {
    return statementText;
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  /** Called on the stream thread for each output row; waits while the client is behind. */
  @Override
  public void onRow(Object[] row, boolean deletion) {
    long number = offered.incrementAndGet();
    if (stopped() || (limit != null && number > limit)) {
      return;
    }
    Entry entry = new Entry(row.clone(), deletion);
    try {
      while (!closed.get() && !queue.offer(entry, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
        // the client is behind: wait for room, unless the query is being closed
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (limit != null && number == limit) {
      limitReached = true;
    }
  }

  /** Ends the results with a failure of the query's topology. */
  void fail(String reason) {
    if (failure == null) {
      failure = reason;
    }
  }

  private boolean stopped() {
    return limitReached || failure != null || closed.get();
  }

  @Override
  public Object[] poll(Duration timeout) throws InterruptedException {
    Entry entry = queue.poll();
    if (entry == null && !stopped()) {
      entry = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (entry == null) {
      return null;
    }
    lastDeletion = entry.deletion() ? entry.row() : null;
    return entry.row();
  }

  @Override
  public boolean isDeletion(Object[] row) {
    return row != null && row == lastDeletion;
  }

  @Override
  public boolean ended() {
    return closed.get() || (stopped() && queue.isEmpty());
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public String finalMessage() {
    return limitReached ? "Limit Reached" : null;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      onClose.accept(this);
    }
  }
}
