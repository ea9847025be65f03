package io.sluice.runtime.serde;

/**
 * Thrown when key or value bytes do not fit their format and columns, or a row cannot be written in
 * them. The message is the human-readable reason the processing log reports, e.g.
 * {@code field PRICE: expected a number, got "abc"}.
 */
public class RecordFormatException extends RuntimeException {

  public RecordFormatException(String reason) {
    super(reason);
  }
}
