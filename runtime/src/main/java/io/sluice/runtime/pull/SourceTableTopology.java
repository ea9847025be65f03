package io.sluice.runtime.pull;

import io.sluice.plan.SourceDescriptor;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The topology that materializes a source table for pull queries: the table's topic read into the
 * RocksDB key-value store {@value #STORE}, key and value bytes as written, a tombstone deleting
 * its key. The topic itself is the store's changelog (no second copy): built with
 * {@code topology.optimization=reuse.ktable.source.topics}, which the instance's settings must
 * carry too ({@link #configure}).
 */
public final class SourceTableTopology {

  /** The store's stable name. */
  public static final String STORE = "source-table-store";
  private static final String READ = "source-table-read";

  private SourceTableTopology() {}

  /** Adds the settings the topology needs to a Kafka Streams instance's {@code properties}. */
  public static void configure(Properties properties) {
    properties.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
  }

  /** The topology over {@code table}'s topic, built with {@code properties} (see {@link #configure}). */
  public static Topology build(SourceDescriptor table, Properties properties) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(table.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(READ),
        Materialized.<byte[], byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray()));
    return builder.build(properties);
  }
}
