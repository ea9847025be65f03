package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.plan.Column;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON layout of a single key column: its bare JSON value, such as {@code 42} or {@code "abc"}. */
final class JsonBareFormat implements ColumnsFormat {

  private final JsonValueWriter writer;
  private final JsonColumnReader reader;
  private final String part;

  /** @param part {@code key} or {@code value}, as errors name it */
  JsonBareFormat(Column column, String part) {
    this.part = part;
    this.writer = JsonValueWriter.of(column.type(), part);
    this.reader = JsonColumnReader.of(column.type(), part);
  }

  @Override
  public byte[] write(Object[] row, int[] positions) {
    Object value = row[positions[0]];
    if (value == null) {
      return null;
    }
    JsonOutput out = JsonOutput.forThread();
    writer.write(out, value);
    return out.toByteArray();
  }

  @Override
  public void read(byte[] bytes, Object[] row, int[] positions) {
    row[positions[0]] = readColumn(bytes, 0);
  }

  @Override
  public Object readColumn(byte[] bytes, int index) {
    if (bytes == null) {
      return null;
    }
    try (JsonParser p = JsonText.FACTORY.createParser(bytes)) {
      if (p.nextToken() == null) {
        throw new RecordFormatException(part + " is empty, not JSON");
      }
      Object value = reader.read(p);
      if (p.nextToken() != null) {
        throw new RecordFormatException(part + " has more after its JSON value");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new RecordFormatException(JsonErrors.notJson(part, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
