package io.sluice.runtime.topology;

import io.sluice.runtime.aggregate.GroupKey;
import io.sluice.runtime.aggregate.GroupKeySerde;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions a re-aggregation's inputs, keyed by group values then window start and end, by their
 * group values alone: every window of a group goes to one task, so each task's stream time (the
 * greatest window end it has read) follows all windows, not only those that hash to it. With no
 * group values, every row goes to one partition.
 */
final class WindowGroupPartitioner implements StreamPartitioner<Object, Object> {

  private final GroupKeySerde groupSerde;

  WindowGroupPartitioner(GroupKeySerde groupSerde) {
    this.groupSerde = groupSerde;
  }

  @Override
  public Optional<Set<Integer>> partitions(String topic, Object key, Object value, int numPartitions) {
    Object[] keyed = ((GroupKey) key).values();
    byte[] group = groupSerde.serialize(topic, new GroupKey(Arrays.copyOf(keyed, keyed.length - 2)));
    return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(group)) % numPartitions));
  }
}
