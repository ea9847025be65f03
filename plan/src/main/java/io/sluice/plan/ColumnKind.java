package io.sluice.plan;

/** Where a column's value lives in a Kafka record. */
public enum ColumnKind {
  /** Serialized in the record key, by the key format. */
  KEY,
  /** Serialized in the record value, by the value format. */
  VALUE,
  /** Taken from record metadata: ROWTIME, ROWPARTITION, ROWOFFSET. Read-only; never written to a topic. */
  PSEUDO
}
