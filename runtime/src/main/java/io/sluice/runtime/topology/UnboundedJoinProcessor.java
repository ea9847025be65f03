package io.sluice.runtime.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One side of a stream-stream INNER join without a window (a regular join, as Flink has it): each
 * record is kept for good in this side's store, then joined with every record the other side's
 * store holds for its key. A record is stored before it looks, so one read on both sides joins
 * itself once. A joined row takes the timestamp of the record that completed the pair.
 *
 * <p>Records are stored under their join key's length and bytes, then the partition and offset
 * they were read at: a key's records are one prefix scan away, and a record processed again after
 * a failure overwrites itself instead of joining twice.
 */
final class UnboundedJoinProcessor implements FixedKeyProcessor<Object, Object, Object> {

  private static final BytesSerializer PREFIX = new BytesSerializer();

  private final boolean thisIsLeft;
  private final String ownStoreName;
  private final String otherStoreName;
  private final JoinRows rows;
  private final Downstream downstream;
  private FixedKeyProcessorContext<Object, Object> context;
  private KeyValueStore<Bytes, Object[]> own;
  private KeyValueStore<Bytes, Object[]> other;

  UnboundedJoinProcessor(boolean thisIsLeft, String ownStoreName, String otherStoreName, JoinRows rows,
      Downstream downstream) {
    this.thisIsLeft = thisIsLeft;
    this.ownStoreName = ownStoreName;
    this.otherStoreName = otherStoreName;
    this.rows = rows;
    this.downstream = downstream;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
    own = context.getStateStore(ownStoreName);
    other = context.getStateStore(otherStoreName);
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    byte[] key = (byte[]) record.key();
    Object[] row = (Object[]) record.value();
    RecordMetadata at = context.recordMetadata().orElseThrow(
        () -> new IllegalStateException("a join record without its input position"));
    own.put(entryKey(key, at.partition(), at.offset()), row);
    try (KeyValueIterator<Bytes, Object[]> matches = other.prefixScan(prefix(key), PREFIX)) {
      while (matches.hasNext()) {
        Object[] match = matches.next().value;
        Object[] joined = thisIsLeft ? rows.join(row, match) : rows.join(match, row);
        downstream.forward(context, record.withValue((Object) joined));
      }
    }
  }

  private static Bytes prefix(byte[] key) {
    return Bytes.wrap(ByteBuffer.allocate(Integer.BYTES + key.length).putInt(key.length).put(key).array());
  }

  private static Bytes entryKey(byte[] key, int partition, long offset) {
    return Bytes.wrap(ByteBuffer.allocate(Integer.BYTES + key.length + Integer.BYTES + Long.BYTES)
        .putInt(key.length).put(key).putInt(partition).putLong(offset).array());
  }
}
