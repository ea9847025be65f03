package io.sluice.runtime.topology;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

/** The DSL builder the runtime uses refuses names Kafka Streams would make up. */
class ExplicitNamingTest {

  @Test
  void anUnnamedStoreOrRepartitionTopicFailsTheBuild() {
    StreamsBuilder builder = TopologyAssembler.newStreamsBuilder();
    builder.stream("input").groupBy((k, v) -> v).count();
    assertThrows(TopologyException.class, builder::build);
  }
}
