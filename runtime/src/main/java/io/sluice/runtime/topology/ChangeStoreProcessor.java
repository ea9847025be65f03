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
 * Keeps the current row per key of a table-valued step's {@link Change}s in a store, and passes the
 * changes on: it makes the result of one join a table that a later join can look rows up in.
 */
final class ChangeStoreProcessor implements FixedKeyProcessor<Object, Object, Object> {

  /** Makes the processor and connects its store. */
  record Supplier(StoreBuilder<KeyValueStore<Bytes, Object[]>> store, Downstream downstream)
      implements FixedKeyProcessorSupplier<Object, Object, Object> {

    @Override
    public FixedKeyProcessor<Object, Object, Object> get() {
      return new ChangeStoreProcessor(store.name(), downstream);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(store);
    }
  }

  private final String storeName;
  private final Downstream downstream;
  private FixedKeyProcessorContext<Object, Object> context;
  private KeyValueStore<Bytes, Object[]> rows;

  private ChangeStoreProcessor(String storeName, Downstream downstream) {
    this.storeName = storeName;
    this.downstream = downstream;
  }

  @Override
  public void init(FixedKeyProcessorContext<Object, Object> context) {
    this.context = context;
    this.rows = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<Object, Object> record) {
    Bytes key = Bytes.wrap((byte[]) record.key());
    Object[] row = ((Change) record.value()).newRow();
    if (row == null) {
      rows.delete(key);
    } else {
      rows.put(key, row);
    }
    downstream.forward(context, record);
  }
}
