package io.sluice.server.query;

import io.sluice.runtime.QueryStats;
import io.sluice.server.commands.CreateQueryCommand;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A persistent query: the command that defined it, its Kafka Streams instance and its counters.
 * A query that could not be started (its plan no longer builds, say) has no instance and a
 * {@code failure}, which DESCRIBE EXTENDED shows as its last error; it stays registered in state
 * ERROR so that it is listed, blocks drops of what it uses, and can be terminated.
 */
public record PersistentQuery(
    CreateQueryCommand command, KafkaStreams streams, QueryStats stats, String topology, String failure) {

  public String id() {
    return command.queryId();
  }

  /** The query's state in ksqlDB's words: RUNNING, ERROR, or the Kafka Streams state otherwise. */
  public String state() {
    if (streams == null) {
      return "ERROR";
    }
    return switch (streams.state()) {
      case RUNNING, REBALANCING -> "RUNNING";
      case ERROR, PENDING_ERROR -> "ERROR";
      default -> streams.state().name();
    };
  }
}
