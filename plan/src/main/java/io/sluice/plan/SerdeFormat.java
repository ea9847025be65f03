package io.sluice.plan;

/** How a record key or value is serialized. */
public enum SerdeFormat {
  /**
   * Kafka's own primitive serializers, as ksqlDB's KAFKA format: one column only, of type INTEGER
   * (4-byte big-endian), BIGINT (8-byte), DOUBLE, STRING (UTF-8) or BYTES.
   */
  KAFKA,
  /** A JSON object of the columns, upper-case names as fields; a single key column is written bare. */
  JSON,
  /** No columns: the key is ignored on read and written as null. */
  NONE
}
