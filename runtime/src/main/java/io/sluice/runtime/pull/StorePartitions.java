package io.sluice.runtime.pull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where the partitions of a state store live across the members of its Kafka Streams group: for
 * each partition its active host and standby hosts (the members' {@code application.server}), as
 * this member last learnt them from a rebalance. Reading them costs no request to the broker.
 */
final class StorePartitions {

  private StorePartitions() {}

  /** The metadata of the partition {@code key} lives in. */
  static KeyQueryMetadata ofKey(KafkaStreams streams, String store, Object key, Serializer<Object> serializer) {
    return available(() -> streams.queryMetadataForKey(store, key, serializer), store);
  }

  /** The metadata of every partition of the store, by partition. */
  static Map<Integer, KeyQueryMetadata> all(KafkaStreams streams, String store) {
    int[] count = {-1};
    // Kafka Streams hands a partitioner the partition count of the topic the store is fed from.
    StreamPartitioner<Object, Object> first = (topic, key, value, partitions) -> {
      count[0] = partitions;
      return Optional.of(Set.of(0));
    };
    Map<Integer, KeyQueryMetadata> out = new LinkedHashMap<>();
    out.put(0, available(() -> streams.queryMetadataForKey(store, new Object(), first), store));
    for (int partition = 1; partition < count[0]; partition++) {
      int fixed = partition;
      StreamPartitioner<Object, Object> to = (topic, key, value, partitions) -> Optional.of(Set.of(fixed));
      out.put(partition, available(() -> streams.queryMetadataForKey(store, new Object(), to), store));
    }
    return out;
  }

  private static KeyQueryMetadata available(Supplier<KeyQueryMetadata> lookup, String store) {
    KeyQueryMetadata metadata;
    try {
      metadata = lookup.get();
    } catch (IllegalStateException | InvalidStateStoreException e) {
      throw new StoreUnavailableException("the hosts of store " + store + " are not known now: " + e.getMessage());
    }
    if (metadata == null || metadata.partition() < 0 || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new StoreUnavailableException("the hosts of store " + store + " are not known now (rebalancing)");
    }
    return metadata;
  }
}
