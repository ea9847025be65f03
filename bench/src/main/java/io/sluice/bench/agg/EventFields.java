package io.sluice.bench.agg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The two value columns of an input event, as the baseline reads them from its JSON: the same
 * streaming Jackson parse Sluice does for the source's value columns, nothing more.
 */
record EventFields(Long amount, Long ts) {

  private static final JsonFactory JSON = new JsonFactory();

  static EventFields parse(byte[] json) {
    Long amount = null;
    Long ts = null;
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("an event value must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("AMOUNT".equals(field)) {
          amount = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
        } else if ("TS".equals(field)) {
          ts = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable event value", e);
    }
    return new EventFields(amount, ts);
  }
}
