package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Lets through the records of one join side that can still join: it drops records without a key
 * (a null join key joins nothing) and, for a stream-stream join, records that are late, judged
 * by the task's stream time: a record is late once stream time has passed its time by more than
 * how far after it the other side's records may be plus the grace period, since every record it
 * could have joined has been given up on by then. Kafka Streams' join would still match such a
 * record with whatever its window stores have not purged yet.
 */
final class JoinSideGate implements FixedKeyProcessor<Object, Object, Object> {

  /** For sides whose records are never late (a stream joined with a table). */
  static final long NEVER_LATE = Long.MAX_VALUE;

  private final long lateAfter;
  private final Downstream downstream;
  private final QueryStats stats;
  private FixedKeyProcessorContext<Object, Object> context;

  /** @param lateAfter how long after its time a record becomes late, or {@link #NEVER_LATE} */
  JoinSideGate(long lateAfter, Downstream downstream, QueryStats stats) {
    this.lateAfter = lateAfter;
    this.downstream = downstream;
    this.stats = stats;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    if (record.key() == null) {
      return;
    }
    if (lateAfter != NEVER_LATE && record.timestamp() + lateAfter < context.currentStreamTimeMs()) {
      stats.lateRecord();
      return;
    }
    downstream.forward(context, record);
  }
}
