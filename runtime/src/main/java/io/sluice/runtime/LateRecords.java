package io.sluice.runtime;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Counts the records windowed aggregations dropped as late (their window had closed), from Kafka
 * Streams' task metric {@code dropped-records-total}.
 */
public final class LateRecords {

  private static final String METRIC = "dropped-records-total";
  private static final String GROUP = "stream-task-metrics";

  private LateRecords() {}

  /**
   * The late records dropped so far by every task in {@code metrics}, as given by
   * {@code KafkaStreams#metrics()} or {@code TopologyTestDriver#metrics()}.
   */
  public static long dropped(Map<MetricName, ? extends Metric> metrics) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      if (METRIC.equals(name.name()) && GROUP.equals(name.group())
          && entry.getValue().metricValue() instanceof Number count) {
        total += count.doubleValue();
      }
    }
    return (long) total;
  }
}
