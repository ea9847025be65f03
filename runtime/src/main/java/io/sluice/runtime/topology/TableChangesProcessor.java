package io.sluice.runtime.topology;

import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Reads a table's topic as a changelog: keeps the latest row per record key in a store and turns
 * each row into a {@link Change} from the key's previous row. A null row (a tombstone) deletes the
 * key, and is ignored for a key the table does not hold; a record without a key is reported.
 */
final class TableChangesProcessor implements FixedKeyProcessor<byte[], Object, Object> {

  /** Makes the processor and connects its store. */
  record Supplier(StoreBuilder<KeyValueStore<Bytes, Object[]>> store, Downstream downstream, ProcessingLogger logger)
      implements FixedKeyProcessorSupplier<byte[], Object, Object> {

    @Override
    public FixedKeyProcessor<byte[], Object, Object> get() {
      return new TableChangesProcessor(store.name(), downstream, logger);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(store);
    }
  }

  private final String storeName;
  private final Downstream downstream;
  private final ProcessingLogger logger;
  private FixedKeyProcessorContext<byte[], Object> context;
  private KeyValueStore<Bytes, Object[]> rows;

  private TableChangesProcessor(String storeName, Downstream downstream, ProcessingLogger logger) {
    this.storeName = storeName;
    this.downstream = downstream;
    this.logger = logger;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], Object> context) {
    this.context = context;
    this.rows = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<byte[], Object> record) {
    if (record.key() == null) {
      logger.log(context, record, ErrorType.DESERIALIZATION_ERROR,
          "a table record needs a key; this one has none", record.timestamp());
      return;
    }
    Bytes key = Bytes.wrap(record.key());
    Object[] newRow = (Object[]) record.value();
    Object[] oldRow = rows.get(key);
    if (newRow == null) {
      if (oldRow == null) {
        return;
      }
      rows.delete(key);
    } else {
      rows.put(key, newRow);
    }
    downstream.forward(context, record.withValue(new Change(oldRow, newRow)));
  }
}
