package io.sluice.bench.agg;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.streams.Topology;

/** A query the benchmark runs on both sides: Sluice's SQL for it and the hand-written topology doing the same work. */
enum BenchQuery {

  /** The benchmark proper: a tumbling one-minute window, COUNT and SUM per user. */
  AGGREGATE(
      "TOTALS",
      "CREATE TABLE TOTALS WITH (KAFKA_TOPIC='%s') AS SELECT USERID, COUNT(*) AS N, SUM(AMOUNT) AS TOTAL"
          + " FROM EVENTS WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS) GROUP BY USERID EMIT CHANGES;"),

  /** A stateless filter and projection, which proves the harness on queries any Sluice version runs. */
  FILTER(
      "KEPT",
      "CREATE STREAM KEPT WITH (KAFKA_TOPIC='%s') AS SELECT USERID, AMOUNT FROM EVENTS WHERE AMOUNT > 0"
          + " EMIT CHANGES;");

  /** The source stream both queries read, over the benchmark's input topic. */
  static final String SOURCE_STATEMENT =
      "CREATE STREAM EVENTS (USERID BIGINT KEY, AMOUNT BIGINT, TS BIGINT)"
          + " WITH (KAFKA_TOPIC='%s', VALUE_FORMAT='JSON');";

  private final String sink;
  private final String statement;

  BenchQuery(String sink, String statement) {
    this.sink = sink;
    this.statement = statement;
  }

  /** The flag value naming this query, e.g. {@code aggregate}. */
  String flagName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name of the stream or table the Sluice statement creates. */
  String sink() {
    return sink;
  }

  /** Sluice's CREATE ... AS SELECT, writing to {@code outputTopic}. */
  String statement(String outputTopic) {
    return String.format(Locale.ROOT, statement, outputTopic);
  }

  /** The hand-written Kafka Streams topology that does this query's work. */
  Topology baseline(String inputTopic, String outputTopic) {
    return this == AGGREGATE
        ? BaselineTopologies.windowedCountAndSum(inputTopic, outputTopic)
        : BaselineTopologies.filterAndProject(inputTopic, outputTopic);
  }

  static BenchQuery named(String flagValue) {
    for (BenchQuery query : values()) {
      if (query.flagName().equals(flagValue)) {
        return query;
      }
    }
    throw new IllegalArgumentException("unknown query '" + flagValue + "'; one of: "
        + Arrays.stream(values()).map(BenchQuery::flagName).collect(Collectors.joining(", ")));
  }
}
