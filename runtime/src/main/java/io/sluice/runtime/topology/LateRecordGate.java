package io.sluice.runtime.topology;

import io.sluice.plan.WindowSpec;
import io.sluice.plan.WindowType;
import io.sluice.runtime.QueryStats;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;

/**
 * Drops, and counts as late, the records a windowed aggregation must no longer take, judged by the
 * task's stream time. Kafka Streams' window aggregates judge lateness by a stream time of their
 * own that starts afresh when the query restarts, so without this gate a record that was already
 * late before a restart would be counted after it; the task's stream time is committed with the
 * offsets and survives the restart.
 *
 * <p>A time window record is late when the newest window holding it has closed: its end plus grace
 * is at or before stream time (Kafka Streams still drops the older hopping windows of a record
 * itself). A session record is late when the session it would join or start, as found in the
 * aggregation's store, ends before stream time minus gap and grace.
 */
final class LateRecordGate implements FixedKeyProcessor<Object, Object, Object> {

  private final WindowSpec window;
  private final String sessionStoreName;
  private final QueryStats stats;
  private FixedKeyProcessorContext<Object, Object> context;
  private SessionStore<Object, Object> sessions;

  /** @param sessionStoreName the aggregation's session store, or null for time windows */
  LateRecordGate(WindowSpec window, String sessionStoreName, QueryStats stats) {
    this.window = window;
    this.sessionStoreName = sessionStoreName;
    this.stats = stats;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
    if (sessionStoreName != null) {
      sessions = context.getStateStore(sessionStoreName);
    }
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
    if (isLate(record.key(), record.timestamp(), streamTime)) {
      stats.lateRecord();
      return;
    }
    context.forward(record);
  }

  /** True if a record at {@code time} is late for tumbling or hopping {@code window}s at {@code streamTime}. */
  static boolean lateForTimeWindows(WindowSpec window, long time, long streamTime) {
    long advance = window.advance() == null ? window.size() : window.advance();
    long newestWindowEnd = time - Math.floorMod(time, advance) + window.size();
    return newestWindowEnd <= streamTime - window.grace();
  }

  private boolean isLate(Object key, long time, long streamTime) {
    if (window.type() != WindowType.SESSION) {
      return lateForTimeWindows(window, time, streamTime);
    }
    long closeTime = streamTime - window.size() - window.grace();
    if (time >= closeTime) {
      return false;
    }
    long end = time;
    try (KeyValueIterator<Windowed<Object>, Object> joined =
        sessions.findSessions(key, time - window.size(), time + window.size())) {
      while (joined.hasNext()) {
        end = Math.max(end, joined.next().key.window().end());
      }
    }
    return end < closeTime;
  }
}
