package io.sluice.runtime.topology;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global table's latest record per key, as raw bytes, in its global store: a tombstone
 * deletes the key, a record without a key is skipped. The bytes are read only when a join looks the
 * key up, so the store holds exactly what the topic holds, however the global store is restored.
 */
final class GlobalTableStoreProcessor implements Processor<byte[], byte[], Void, Void> {

  private final String storeName;
  private KeyValueStore<Bytes, byte[]> records;

  GlobalTableStoreProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    records = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      records.delete(Bytes.wrap(record.key()));
    } else {
      records.put(Bytes.wrap(record.key()), record.value());
    }
  }
}
