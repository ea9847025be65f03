package io.sluice.runtime.topology;

import io.sluice.runtime.QueryStats;
import io.sluice.runtime.aggregate.AggregateInput;
import io.sluice.runtime.aggregate.AggregateState;
import io.sluice.runtime.aggregate.AggregateStateSerde;
import io.sluice.runtime.aggregate.GroupKey;
import io.sluice.runtime.aggregate.GroupKeySerde;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Aggregates rows per group and per the window each row was written for (a re-aggregation of a
 * windowed aggregation's final rows), and writes each window's groups once, in window order, when
 * its stream time passes the window's end plus grace; a row of a window closed before is late:
 * dropped and counted.
 *
 * <p>Its stream time is the greatest window end among the rows it has read, not their times: a
 * window's rows carry times before its end and arrive only once the aggregation upstream has closed
 * it, so a row of a window tells that the windows before it have closed upstream (in its task), but
 * not that all of that window's rows have arrived; the grace period absorbs upstream tasks that lag
 * behind one another. It is kept in the store,
 * so a restart resumes it, and it does not depend on which other records share the task.
 *
 * <p>Groups live in a RocksDB store laid out as {@link WindowsByEnd} says, keyed by window end, window
 * start, then the group-by values, so closing windows is a scan from the store's start; a value is
 * the greatest row time of the group, which its result carries, then the group's state.
 */
final class WindowReaggregateProcessor implements Processor<Object, AggregateInput, Object, AggregateState> {

  private final String storeName;
  private final long grace;
  private final GroupKeySerde groupSerde;
  private final AggregateStateSerde stateSerde;
  private final Supplier<AggregateState> newState;
  private final QueryStats stats;
  private final Downstream downstream;
  private ProcessorContext<Object, AggregateState> context;
  private KeyValueStore<Bytes, byte[]> groups;

  /** The greatest window end read; MIN_VALUE until read from the store. */
  private long streamTime = Long.MIN_VALUE;
  /** Windows ending at or before this are closed and written; unknown (MIN_VALUE) after a restart, so the first record scans. */
  private long closedThrough = Long.MIN_VALUE;

  WindowReaggregateProcessor(String storeName, long grace, GroupKeySerde groupSerde, AggregateStateSerde stateSerde,
      Supplier<AggregateState> newState, QueryStats stats, Downstream downstream) {
    this.storeName = storeName;
    this.grace = grace;
    this.groupSerde = groupSerde;
    this.stateSerde = stateSerde;
    this.newState = newState;
    this.stats = stats;
    this.downstream = downstream;
  }

  @Override
  public void init(ProcessorContext<Object, AggregateState> context) {
    this.context = context;
    this.groups = context.getStateStore(storeName);
    streamTime = WindowsByEnd.keptTime(groups);
  }

  @Override
  public void process(Record<Object, AggregateInput> record) {
    Object[] keyed = ((GroupKey) record.key()).values();
    int n = keyed.length - 2;
    long start = (Long) keyed[n];
    long end = (Long) keyed[n + 1];
    if (end > streamTime) {
      streamTime = end;
      WindowsByEnd.keepTime(groups, end);
    }
    if (end < streamTime - grace) {
      stats.lateRecord();
    } else {
      Bytes key = storeKey(end, start, Arrays.copyOf(keyed, n));
      byte[] stored = groups.get(key);
      AggregateState state = stored == null ? newState.get()
          : stateSerde.deserialize(storeName, Arrays.copyOfRange(stored, Long.BYTES, stored.length));
      long time = stored == null ? record.timestamp() : Math.max(record.timestamp(), ByteBuffer.wrap(stored).getLong());
      byte[] bytes = stateSerde.serialize(storeName, state.apply(record.value()));
      groups.put(key, ByteBuffer.allocate(Long.BYTES + bytes.length).putLong(time).put(bytes).array());
    }
    close(streamTime - grace - 1);
  }

  /** Writes and forgets every group of the windows ending at or before {@code through}. */
  private void close(long through) {
    if (through <= closedThrough) {
      return;
    }
    closedThrough = through;
    for (KeyValue<Bytes, byte[]> group : WindowsByEnd.removeThrough(groups, through)) {
      GroupKey values = groupSerde.deserialize(storeName, WindowsByEnd.rest(group.key));
      AggregateState state = stateSerde.deserialize(storeName, Arrays.copyOfRange(group.value, Long.BYTES,
          group.value.length));
      long time = ByteBuffer.wrap(group.value).getLong();
      ClosedWindow window = new ClosedWindow(WindowsByEnd.start(group.key), WindowsByEnd.end(group.key));
      downstream.forward(context, new Record<>(new Windowed<>(values, window), state, time));
    }
  }

  /** The store key of a group: window end and start, then the group-by values. */
  private Bytes storeKey(long end, long start, Object[] values) {
    return WindowsByEnd.key(end, start, groupSerde.serialize(storeName, new GroupKey(values)));
  }
}
