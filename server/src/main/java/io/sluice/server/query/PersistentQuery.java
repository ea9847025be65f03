package io.sluice.server.query;

import io.sluice.runtime.QueryStats;
import io.sluice.server.commands.CreateQueryCommand;
import org.apache.kafka.streams.KafkaStreams;

/** A running persistent query: the command that defined it, its Kafka Streams instance and its counters. */
public record PersistentQuery(CreateQueryCommand command, KafkaStreams streams, QueryStats stats, String topology) {

  public String id() {
    return command.queryId();
  }

  /** The query's state in ksqlDB's words: RUNNING, ERROR, or the Kafka Streams state otherwise. */
  public String state() {
    KafkaStreams.State state = streams.state();
    return switch (state) {
      case RUNNING, REBALANCING, CREATED -> "RUNNING";
      case ERROR, PENDING_ERROR -> "ERROR";
      default -> state.name();
    };
  }
}
