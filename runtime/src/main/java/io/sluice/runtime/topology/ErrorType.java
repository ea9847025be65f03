package io.sluice.runtime.topology;

/** Why a record went to the processing log; the {@code type} field of a processing log record. */
public enum ErrorType {
  /** The key or value bytes do not fit the source's format and columns. */
  DESERIALIZATION_ERROR,
  /** An expression failed on the row, such as a DECIMAL division by zero. */
  EVALUATION_ERROR,
  /** The row could not be written in the sink's formats. */
  SERIALIZATION_ERROR,
  /** The source's timestamp column is missing, null, negative or unparseable. */
  TIMESTAMP_ERROR
}
