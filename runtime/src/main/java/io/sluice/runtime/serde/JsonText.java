package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.plan.DataType;
import java.io.IOException;

/** The Jackson configuration every JSON key, value and processing log record is read and written with. */
public final class JsonText {

  /**
   * Writes DECIMALs in plain notation (never {@code 1E+3}) and keeps record contents out of
   * parser error messages, which go into the processing log next to the raw bytes anyway.
   */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
              .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
              .build());

  public static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonText() {}

  /**
   * The value of {@code type} at the token {@code p} stands on, consuming it, in ksqlDB's JSON
   * encodings (as query results write them: DECIMAL as a number, TIMESTAMP as ISO text, ...).
   *
   * @throws RecordFormatException if the JSON value does not fit the type
   */
  public static Object readValue(JsonParser p, DataType type) throws IOException {
    return JsonColumnReader.of(type, "value").read(p);
  }
}
