package io.sluice.runtime.pull;

import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.SourceDescriptor;
import io.sluice.runtime.serde.KeyCodecs;
import io.sluice.runtime.serde.RowCodec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The rows of a source table as its materialization keeps them: the topic's key and value bytes,
 * decoded with the table's formats. A record that cannot be decoded is no row (queries reading the
 * table report it to the processing log).
 */
final class SourceTableRows implements StoredRows {

  private final RowCodec codec;
  private final int[] toInput;

  SourceTableRows(SourceDescriptor table, RowSchema input) {
    this.codec = RowCodec.of(table.schema(), table.formats());
    this.toInput = new int[input.size()];
    for (int i = 0; i < input.size(); i++) {
      toInput[i] = table.schema().indexOf(input.column(i).name());
    }
  }

  @Override
  public Object[] inputRow(Object storeKey, long windowStart, long windowEnd, Object value) {
    if (value == null) {
      return null;
    }
    Object[] row;
    try {
      row = codec.deserialize((byte[]) storeKey, (byte[]) value);
    } catch (RuntimeException e) {
      return null;
    }
    Object[] out = new Object[toInput.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = row[toInput[i]];
    }
    return out;
  }

  @Override
  public Object storeKey(Object[] keyValues) {
    return codec.keyCodec().serialize(keyValues);
  }

  @Override
  public boolean canonicalKeys() {
    return codec.keyCodec().format() == SerdeFormat.KAFKA;
  }

  @Override
  public boolean orderedKeys() {
    return KeyCodecs.ordered(codec.keyCodec());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Serializer<Object> keySerializer() {
    return (Serializer<Object>) (Serializer<?>) Serdes.ByteArray().serializer();
  }
}
