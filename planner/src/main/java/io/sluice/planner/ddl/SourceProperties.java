package io.sluice.planner.ddl;

import java.util.Set;

/** The WITH properties each kind of statement accepts. */
final class SourceProperties {

  static final String KAFKA_TOPIC = "KAFKA_TOPIC";
  static final String VALUE_FORMAT = "VALUE_FORMAT";
  static final String KEY_FORMAT = "KEY_FORMAT";
  static final String FORMAT = "FORMAT";
  static final String PARTITIONS = "PARTITIONS";
  static final String REPLICAS = "REPLICAS";
  static final String TIMESTAMP = "TIMESTAMP";
  static final String TIMESTAMP_FORMAT = "TIMESTAMP_FORMAT";
  /** A table small enough for every task of a query joining it to hold all of it (Kafka Streams' global table). */
  static final String GLOBAL = "GLOBAL";

  /** A stream's default grace period for the windows over it (Flink's watermark delay); Sluice's own. */
  static final String GRACE_PERIOD = "GRACE_PERIOD";

  static final Set<String> CREATE_SOURCE = Set.of(KAFKA_TOPIC, VALUE_FORMAT, KEY_FORMAT, FORMAT, PARTITIONS,
      REPLICAS, TIMESTAMP, TIMESTAMP_FORMAT, GLOBAL, GRACE_PERIOD);

  static final Set<String> CREATE_AS_SELECT =
      Set.of(KAFKA_TOPIC, VALUE_FORMAT, KEY_FORMAT, FORMAT, PARTITIONS, REPLICAS);

  private SourceProperties() {}
}
