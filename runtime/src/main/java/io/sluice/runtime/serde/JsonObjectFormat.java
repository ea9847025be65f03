package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.plan.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON layout of several columns: an object with one field per column. On read, fields match
 * column names case-insensitively (an exact match wins), missing fields are null and extra fields
 * are skipped; on write, fields are named exactly as the columns. Built for a query that reads only
 * some columns and STRUCT fields, a row read leaves the others null, skipping their JSON unchecked
 * but for its syntax.
 */
final class JsonObjectFormat implements ColumnsFormat {

  private static final int MAX_SPELLINGS = 1000;

  private final String part;
  private final String[] names;
  private final String[] wheres;
  /** Per column, the bytes of {@code "NAME":}, after a comma for all but the first. */
  private final byte[][] memberPrefixes;
  private final JsonValueWriter[] writers;
  /** Per column, the reader of whole rows' parts that are read, null for a column not read. */
  private final JsonColumnReader[] readers;
  /** Per column, the reader of its whole value, for reading one column alone. */
  private final JsonColumnReader[] columnReaders;
  private final Map<String, Integer> exactNames = new HashMap<>();
  private final Map<String, Integer> upperNames = new HashMap<>();
  /**
   * The columns (-1 for none) of the field names records spelled otherwise than the columns, such
   * as {@code event_type} for EVENT_TYPE, so each is upper-cased and looked up once, not per record.
   */
  private final Map<String, Integer> spellings = new ConcurrentHashMap<>();

  /** @param part {@code key} or {@code value}, as errors name it */
  JsonObjectFormat(List<Column> columns, String part) {
    this(columns, part, null);
  }

  /**
   * @param part {@code key} or {@code value}, as errors name it
   * @param uses per column, what a row read takes of it (null: nothing); null to read every column whole
   */
  JsonObjectFormat(List<Column> columns, String part, ValueUse[] uses) {
    this.part = part;
    int n = columns.size();
    names = new String[n];
    wheres = new String[n];
    memberPrefixes = new byte[n][];
    writers = new JsonValueWriter[n];
    readers = new JsonColumnReader[n];
    columnReaders = new JsonColumnReader[n];
    for (int i = 0; i < n; i++) {
      Column column = columns.get(i);
      names[i] = column.name();
      wheres[i] = ("value".equals(part) ? "field " : part + " field ") + column.name();
      memberPrefixes[i] = JsonValueWriter.memberPrefix(column.name(), i > 0);
      writers[i] = JsonValueWriter.of(column.type(), wheres[i]);
      columnReaders[i] = JsonColumnReader.of(column.type(), wheres[i]);
      if (uses == null || uses[i] != null && uses[i].isWhole()) {
        readers[i] = columnReaders[i];
      } else if (uses[i] != null) {
        readers[i] = JsonColumnReader.of(column.type(), wheres[i], uses[i]);
      }
      exactNames.put(column.name(), i);
      upperNames.putIfAbsent(column.name().toUpperCase(Locale.ROOT), i);
    }
  }

  @Override
  public byte[] write(Object[] row, int[] positions) {
    JsonOutput out = JsonOutput.forThread();
    out.raw((byte) '{');
    for (int i = 0; i < writers.length; i++) {
      out.raw(memberPrefixes[i]);
      writers[i].write(out, row[positions[i]]);
    }
    out.raw((byte) '}');
    return out.toByteArray();
  }

  @Override
  public void read(byte[] bytes, Object[] row, int[] positions) {
    for (int position : positions) {
      row[position] = null;
    }
    if (bytes == null) {
      return;
    }
    try (JsonParser p = openObject(bytes)) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        int index = columnOf(p.currentName());
        p.nextToken();
        if (index < 0 || readers[index] == null) {
          p.skipChildren();
        } else {
          row[positions[index]] = readers[index].read(p);
        }
      }
      if (p.nextToken() != null) {
        throw new RecordFormatException(part + " has more after its JSON object");
      }
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Object readColumn(byte[] bytes, int index) {
    if (bytes == null) {
      return null;
    }
    try (JsonParser p = openObject(bytes)) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = columnOf(p.currentName()) == index;
        p.nextToken();
        if (wanted) {
          return columnReaders[index].read(p);
        }
        p.skipChildren();
      }
      return null;
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonParser openObject(byte[] bytes) throws IOException {
    JsonParser p = JsonText.FACTORY.createParser(bytes);
    try {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new RecordFormatException(part + " is not a JSON object: it is " + describe(first));
      }
      return p;
    } catch (IOException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "empty";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  private int columnOf(String field) {
    Integer index = exactNames.get(field);
    if (index != null) {
      return index;
    }
    index = spellings.get(field);
    if (index == null) {
      Integer matched = upperNames.get(field.toUpperCase(Locale.ROOT));
      index = matched == null ? -1 : matched;
      if (spellings.size() < MAX_SPELLINGS) {
        spellings.put(field, index);
      }
    }
    return index;
  }

  private RecordFormatException notJson(JsonProcessingException e) {
    return new RecordFormatException(JsonErrors.notJson(part, e));
  }
}
