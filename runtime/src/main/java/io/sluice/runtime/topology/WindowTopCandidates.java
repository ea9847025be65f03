package io.sluice.runtime.topology;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A window top's first step, in each input partition: keys each windowed row by its join key and
 * passes on only the rows that may still be their window's greatest, those at or above the greatest
 * value this task has seen for the window, and those later than every row it has seen for it (a
 * window's result takes its latest row's time). {@link WindowTopProcessor} decides; a row held back
 * here is below one sent before it, from this partition, in the same order, so it could only have
 * lost there.
 *
 * <p>What it has seen is kept in memory and forgotten on a restart, which only makes it send more:
 * the next step is correct whatever this one sends. A window is forgotten once a row of a window
 * ending later arrives: the aggregation upstream writes each window's rows once, in window order.
 */
final class WindowTopCandidates implements Processor<Object, Object, Object, Object> {

  private final JoinKeys keys;
  private final int valueIndex;
  private final int startIndex;
  private final int endIndex;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private final Map<Long, Seen> seen = new HashMap<>();
  private ProcessorContext<Object, Object> context;
  private long latestEnd = Long.MIN_VALUE;

  /** The greatest non-null value (null if none yet) and the latest time of a window's rows. */
  private static final class Seen {
    Comparable<Object> greatest;
    long latest;

    Seen(Comparable<Object> greatest, long latest) {
      this.greatest = greatest;
      this.latest = latest;
    }
  }

  WindowTopCandidates(JoinKeys keys, int valueIndex, int startIndex, int endIndex, Downstream downstream,
      ProcessingLogger logger) {
    this.keys = keys;
    this.valueIndex = valueIndex;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    seen.clear();
    latestEnd = Long.MIN_VALUE;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(Record<Object, Object> record) {
    if (!(record.value() instanceof Object[] row)) {
      return;
    }
    byte[] key = keys.ofOrLog(record, context, logger);
    if (key == null) {
      return;
    }
    long start = (Long) row[startIndex];
    long end = (Long) row[endIndex];
    if (end > latestEnd) {
      latestEnd = end;
      seen.keySet().removeIf(windowStart -> windowStart < start);
    }
    Comparable<Object> value = (Comparable<Object>) row[valueIndex];
    long time = record.timestamp();
    Seen window = seen.get(start);
    boolean candidate;
    if (window == null) {
      seen.put(start, new Seen(value, time));
      candidate = true;
    } else {
      boolean atLeast = value != null && (window.greatest == null || value.compareTo(window.greatest) >= 0);
      candidate = atLeast || time > window.latest;
      if (atLeast) {
        window.greatest = value;
      }
      window.latest = Math.max(window.latest, time);
    }
    if (candidate) {
      downstream.forward(context, record.withKey(key));
    }
  }
}
