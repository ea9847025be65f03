/**
 * Rows to record bytes and back, in the KAFKA, JSON and NONE formats with ksqlDB's JSON encodings;
 * start from {@link io.sluice.runtime.serde.RowCodec}, {@link io.sluice.runtime.serde.KeyCodec} and
 * {@link io.sluice.runtime.serde.ValueCodec}.
 */
package io.sluice.runtime.serde;
