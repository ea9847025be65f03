package io.sluice.runtime.aggregate;

import io.sluice.plan.DataType;
import io.sluice.runtime.serde.BinaryRowSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The serde of {@link GroupKey}s, for repartition topics and aggregate stores: the values in binary, in order. */
public final class GroupKeySerde implements Serde<GroupKey>, Serializer<GroupKey>, Deserializer<GroupKey> {

  private final BinaryRowSerde values;

  public GroupKeySerde(List<DataType> types) {
    this.values = new BinaryRowSerde(types);
  }

  @Override
  public byte[] serialize(String topic, GroupKey key) {
    return key == null ? null : values.serialize(topic, key.values());
  }

  @Override
  public GroupKey deserialize(String topic, byte[] bytes) {
    return bytes == null ? null : new GroupKey(values.deserialize(topic, bytes));
  }

  @Override
  public Serializer<GroupKey> serializer() {
    return this;
  }

  @Override
  public Deserializer<GroupKey> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
