package io.sluice.server.print;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic's latest records for {@code PRINT ... LAST n}: the last n records of each
 * partition, of which the n latest by timestamp (then partition and offset) are kept, so that a
 * topic of several partitions shows its newest records, not each partition's tail in turn. Records
 * that arrive while the tails are read are kept too, after them, so following the topic from there
 * loses nothing.
 */
final class LatestRecords {

  /**
   * How far back, in multiples of n offsets, a partition is searched for its last n records. Offsets
   * are not all records: each transaction (every exactly-once query writes in them) leaves a commit
   * marker, and aborted records are skipped.
   */
  private static final int MAX_LOOKBACK = 64;

  private static final Comparator<ConsumerRecord<byte[], byte[]>> BY_TIME =
      Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
          .thenComparingInt(ConsumerRecord::partition)
          .thenComparingLong(ConsumerRecord::offset);

  private LatestRecords() {}

  /** Reads each partition's last n records up to its end and returns the records in print order. */
  static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions, int n, BooleanSupplier running) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
    for (long back = n; ; back *= 4) {
      Map<TopicPartition, Long> starts = new HashMap<>();
      for (TopicPartition partition : partitions) {
        starts.put(partition, Math.max(beginnings.get(partition), ends.get(partition) - back));
        consumer.seek(partition, starts.get(partition));
      }
      List<ConsumerRecord<byte[], byte[]>> tails = new ArrayList<>();
      List<ConsumerRecord<byte[], byte[]>> newer = new ArrayList<>();
      Map<TopicPartition, Integer> counts = new HashMap<>();
      while (running.getAsBoolean() && !caughtUp(consumer, partitions, ends)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(TopicPrinter.POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < ends.get(partition)) {
            tails.add(record);
            counts.merge(partition, 1, Integer::sum);
          } else {
            newer.add(record);
          }
        }
      }
      boolean enough = partitions.stream().allMatch(p -> counts.getOrDefault(p, 0) >= n
          || starts.get(p).equals(beginnings.get(p)));
      if (enough || back >= (long) n * MAX_LOOKBACK || !running.getAsBoolean()) {
        tails.sort(BY_TIME);
        List<ConsumerRecord<byte[], byte[]>> result =
            new ArrayList<>(tails.subList(Math.max(0, tails.size() - n), tails.size()));
        result.addAll(newer);
        return result;
      }
    }
  }

  private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends) {
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < ends.get(partition)) {
        return false;
      }
    }
    return true;
  }
}
