package io.sluice.server.query;

import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A persistent query's consumer lag and state store size, read from its Kafka Streams metrics
 * (which include those of its embedded consumers), for DESCRIBE EXTENDED and the console.
 */
public final class StreamsGauges {

  private StreamsGauges() {}

  /**
   * Records the query's consumers have yet to read, summed over every partition they are assigned
   * (source and repartition topics); null before the first fetch or without an instance.
   */
  public static Long consumerLag(KafkaStreams streams) {
    return sum(streams, name -> name.group().equals("consumer-fetch-manager-metrics")
        && name.name().equals("records-lag")
        && name.tags().containsKey("partition")
        // The restore consumer reads changelogs to rebuild stores; its lag is not the query's.
        && !name.tags().getOrDefault("client-id", "").endsWith("restore-consumer"));
  }

  /** Bytes the query's RocksDB stores hold: SST files plus memtables; null if it has no store. */
  public static Long stateStoreBytes(KafkaStreams streams) {
    return sum(streams, name -> name.group().equals("stream-state-metrics")
        && (name.name().equals("total-sst-files-size") || name.name().equals("size-all-mem-tables")));
  }

  private static Long sum(KafkaStreams streams, Predicate<MetricName> wanted) {
    if (streams == null) {
      return null;
    }
    double total = 0;
    boolean seen = false;
    for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
      if (wanted.test(metric.getKey()) && metric.getValue().metricValue() instanceof Number value
          && !Double.isNaN(value.doubleValue())) {
        total += value.doubleValue();
        seen = true;
      }
    }
    return seen ? (long) total : null;
  }
}
