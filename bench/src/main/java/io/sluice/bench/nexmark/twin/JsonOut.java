package io.sluice.bench.nexmark.twin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes one JSON object the way Sluice's JSON value format does (numbers plain, TIMESTAMP as epoch
 * milliseconds, DECIMAL as a plain number), reusing its buffer between records. Not thread-safe.
 */
public final class JsonOut {

  private static final JsonFactory JSON = new JsonFactory();

  private final ByteArrayBuilder buffer = new ByteArrayBuilder(512);
  private final JsonGenerator g;

  public JsonOut() {
    try {
      g = JSON.createGenerator(buffer);
      // One object per record: no separator before the next record's object.
      g.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new object, forgetting anything written before. */
  public JsonOut start() {
    buffer.reset();
    return write(() -> g.writeStartObject());
  }

  public JsonOut number(String name, long value) {
    return write(() -> g.writeNumberField(name, value));
  }

  public JsonOut number(String name, double value) {
    return write(() -> g.writeNumberField(name, value));
  }

  public JsonOut number(String name, BigDecimal value) {
    return write(() -> g.writeNumberField(name, value));
  }

  /** A string field, or null. */
  public JsonOut string(String name, String value) {
    return write(() -> {
      if (value == null) {
        g.writeNullField(name);
      } else {
        g.writeStringField(name, value);
      }
    });
  }

  /** Ends the object and returns its bytes. */
  public byte[] end() {
    write(() -> g.writeEndObject());
    write(g::flush);
    return buffer.toByteArray();
  }

  private interface Step {
    void run() throws IOException;
  }

  private JsonOut write(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
