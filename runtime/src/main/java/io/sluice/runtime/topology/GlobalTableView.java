package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.serde.RowCodec;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A join's view of a global table: the global store holds each key's latest record as its raw
 * bytes, which are read into a row (key and value columns; the pseudo columns null) when a join
 * looks the key up, and seen through the filters between the table and the join. A record that
 * cannot be read counts as no row, and {@link #failure()} says why.
 */
final class GlobalTableView implements TableLookup {

  private final String storeName;
  private final RowCodec codec;
  private final List<RowPredicate> filters;
  private KeyValueStore<Bytes, byte[]> records;
  private String failure;

  GlobalTableView(String storeName, RowCodec codec, List<RowPredicate> filters) {
    this.storeName = storeName;
    this.codec = codec;
    this.filters = List.copyOf(filters);
  }

  @Override
  public String storeName() {
    return storeName;
  }

  @Override
  public void init(ProcessingContext context) {
    records = context.getStateStore(storeName);
  }

  @Override
  public Object[] get(byte[] key) {
    failure = null;
    byte[] value = records.get(Bytes.wrap(key));
    if (value == null) {
      return null;
    }
    Object[] row;
    try {
      row = codec.deserialize(key, value);
    } catch (RuntimeException e) {
      failure = "the global table's record for this key cannot be read: " + Reasons.of(e);
      return null;
    }
    return TableView.passing(row, filters);
  }

  @Override
  public String failure() {
    return failure;
  }
}
