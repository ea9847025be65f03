package io.sluice.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one query, updated by its processors on every stream thread and read by the
 * server for metrics and DESCRIBE. Counts start at zero when the query is built.
 */
public final class QueryStats {

  private final LongAdder recordsIn = new LongAdder();
  private final LongAdder recordsOut = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder lateRecords = new LongAdder();
  private final Map<String, LongAdder> rowsOutByNode = new ConcurrentHashMap<>();
  private volatile LastError lastError;

  private record LastError(Instant time, String reason) {}

  /** Records read from the query's source topics, bad ones and tombstones included. */
  public long recordsIn() {
    return recordsIn.sum();
  }

  /** Records written to the query's sink topic. */
  public long recordsOut() {
    return recordsOut.sum();
  }

  /** Records reported to the processing log. */
  public long errors() {
    return errors.sum();
  }

  /** When the latest error happened, or null if there was none. */
  public Instant lastErrorTime() {
    LastError last = lastError;
    return last == null ? null : last.time();
  }

  /** The reason of the latest error, or null if there was none. */
  public String lastError() {
    LastError last = lastError;
    return last == null ? null : last.reason();
  }

  /** Records a windowed aggregation dropped because their window had closed. */
  public long lateRecordsDropped() {
    return lateRecords.sum();
  }

  /** The counter of the rows plan node {@code nodeId} passes on, made on first use (when the query is built). */
  public LongAdder nodeRowsOut(String nodeId) {
    return rowsOutByNode.computeIfAbsent(nodeId, id -> new LongAdder());
  }

  /** Lets {@code nodeId} report another node's counter: a step that does the work of both counts once. */
  public void shareNodeRowsOut(String nodeId, LongAdder counter) {
    rowsOutByNode.put(nodeId, counter);
  }

  /** The rows each counted plan node has passed on, by node id. */
  public Map<String, Long> rowsOutByNode() {
    Map<String, Long> counts = new TreeMap<>();
    rowsOutByNode.forEach((id, counter) -> counts.put(id, counter.sum()));
    return counts;
  }

  /** Counts one late record dropped; called by the windowed aggregation's late-record gate. */
  public void lateRecord() {
    lateRecords.increment();
  }

  /** Counts one record read; called by source processors. */
  public void recordIn() {
    recordsIn.increment();
  }

  /** Counts one record written; called by sink processors. */
  public void recordOut() {
    recordsOut.increment();
  }

  /** Counts one error and remembers it as the latest; called by the processing logger. */
  public void error(Instant time, String reason) {
    errors.increment();
    lastError = new LastError(time, reason);
  }
}
