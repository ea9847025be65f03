package io.sluice.runtime.pull;

import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceDescriptor;
import io.sluice.plan.pull.PullQueryPlan;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowPredicate;
import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.serde.RowCodec;
import io.sluice.runtime.topology.EventTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Answers a pull query on a stream by reading its topic from the beginning up to the end offsets
 * taken when the query starts (committed records only), each record made into the stream's row
 * (key, value, then ROWTIME, ROWPARTITION and ROWOFFSET), filtered and projected, until the LIMIT.
 * A record that cannot be read, or that has no value, is no row. Built once per pull query: it
 * compiles the expressions.
 */
public final class StreamScanner {

  private final SourceDescriptor stream;
  private final PullQueryPlan pull;
  private final RowCodec codec;
  private final EventTime eventTime;
  private final int[] fromSource;
  private final RowPredicate filter;
  private final RowProjector projector;

  public StreamScanner(SourceDescriptor stream, PullQueryPlan pull) {
    this.stream = stream;
    this.pull = pull;
    this.codec = RowCodec.of(stream.schema(), stream.formats());
    this.eventTime = stream.timestampSpec() == null ? null : EventTime.of(stream.timestampSpec(), stream.schema());
    RowSchema input = pull.input();
    this.fromSource = new int[input.size()];
    for (int i = 0; i < input.size(); i++) {
      fromSource[i] = stream.schema().indexOf(input.column(i).name());
    }
    this.filter = pull.filter() == null ? null : ExpressionCompiler.compilePredicate(pull.filter(), input);
    this.projector = ExpressionCompiler.compileProjector(pull.projection(), input, pull.schema());
  }

  /**
   * The query's rows, read with a group-less consumer of {@code clientConfig}'s cluster.
   *
   * @throws StoreUnavailableException if the topic cannot be read to its end within {@code timeout}
   */
  public List<Object[]> scan(Map<String, Object> clientConfig, Duration timeout) {
    long limit = pull.limit() == null ? Long.MAX_VALUE : pull.limit();
    List<Object[]> out = new ArrayList<>();
    if (limit == 0) {
      return out;
    }
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(stream.topic(), timeout).stream()
          .map(p -> new TopicPartition(stream.topic(), p.partition())).toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      List<TopicPartition> toRead = partitions.stream().filter(p -> ends.get(p) > 0).toList();
      consumer.assign(toRead);
      consumer.seekToBeginning(toRead);
      while (!atEnd(consumer, toRead, ends)) {
        if (System.nanoTime() > deadline) {
          throw new StoreUnavailableException("could not read topic " + stream.topic() + " to its end within "
              + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
            continue;
          }
          Object[] row = toRow(record);
          if (row != null) {
            out.add(row);
            if (out.size() >= limit) {
              return out;
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean atEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends) {
    return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
  }

  private Object[] toRow(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    Object[] input = new Object[fromSource.length];
    try {
      Object[] row = codec.deserialize(record.key(), record.value());
      for (int i = 0; i < input.length; i++) {
        input[i] = fromSource[i] >= 0 ? row[fromSource[i]] : null;
      }
      int pseudo = input.length - PseudoColumn.values().length;
      input[pseudo + PseudoColumn.ROWTIME.ordinal()] = eventTime == null ? record.timestamp() : eventTime.millisOf(row);
      input[pseudo + PseudoColumn.ROWPARTITION.ordinal()] = record.partition();
      input[pseudo + PseudoColumn.ROWOFFSET.ordinal()] = record.offset();
      if (filter != null && !filter.test(input)) {
        return null;
      }
      return projector.apply(input);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
