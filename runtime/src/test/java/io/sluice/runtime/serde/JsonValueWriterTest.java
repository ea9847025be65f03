package io.sluice.runtime.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.plan.DataType;
import io.sluice.plan.StructValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON value writer writes exactly what Jackson's generator writes for the same values. */
class JsonValueWriterTest {

  private static final String AWKWARD =
      "quote \" backslash \\ slash / tab \t newline \n return \r bell \u0007 nul \u0000 del \u007f "
          + "é ü ñ 中文 emoji \uD83D\uDE00 line sep \u2028 bom \uFEFF";

  @Test
  void stringsAreEscapedAndEncodedAsJacksonDoes() throws IOException {
    assertSameAsJackson(DataType.STRING, AWKWARD);
    assertSameAsJackson(DataType.STRING, "");
    assertSameAsJackson(DataType.STRING, "lone \uD800 high, lone \uDC00 low");
    for (char c = 0; c < 0x80; c++) {
      assertSameAsJackson(DataType.STRING, "a" + c + "b");
    }
  }

  @Test
  void numbersAndTemporalsAreWrittenAsJacksonWritesTheirEncodings() throws IOException {
    for (long value : new long[] {0, -1, 7, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000_000_000L}) {
      assertSameAsJackson(DataType.BIGINT, value);
    }
    for (int value : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertSameAsJackson(DataType.INTEGER, value);
    }
    for (double value : new double[] {0.0, -0.0, 1.5, 1e-7, 1e21, 123456789.123, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}) {
      assertSameAsJackson(DataType.DOUBLE, value);
    }
    for (String value : new String[] {"1.50", "-0.001", "1E+3", "12345678901234567890.123456789"}) {
      assertSameAsJackson(DataType.decimal(38, 9), new BigDecimal(value));
    }
    assertSameAsJackson(DataType.BOOLEAN, true);
    assertSameAsJackson(DataType.BOOLEAN, false);
    assertSameAsJackson(DataType.BYTES, new byte[] {0, 1, -1, 42});
    assertSameAsJackson(DataType.DATE, LocalDate.of(2026, 12, 3));
    assertSameAsJackson(DataType.TIME, LocalTime.of(23, 59, 58, 999_000_000));
    assertSameAsJackson(DataType.TIMESTAMP, Instant.ofEpochMilli(1_764_800_000_123L));
  }

  @Test
  void nestedStructsArraysAndMapsAreWrittenAsJacksonDoes() throws IOException {
    DataType inner = DataType.struct(List.of(new DataType.Field("Na\"me", DataType.STRING),
        new DataType.Field("tags", DataType.array(DataType.STRING))));
    DataType outer = DataType.struct(List.of(new DataType.Field("id", DataType.BIGINT),
        new DataType.Field("inner", inner), new DataType.Field("scores", DataType.map(DataType.DOUBLE))));
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("a\nb", 1.5);
    scores.put("none", null);
    assertSameAsJackson(outer, StructValue.of(7L, StructValue.of(AWKWARD, List.of("x", "")), scores));
    assertSameAsJackson(outer, StructValue.of(null, null, Map.of()));
    assertSameAsJackson(DataType.array(inner), List.of());
  }

  @Test
  void aValueOfTheWrongClassNamesItsPathInTheError() {
    DataType type = DataType.struct(List.of(new DataType.Field("price", DataType.BIGINT)));
    RecordFormatException e = assertThrows(RecordFormatException.class,
        () -> JsonValueWriter.of(type, "field BID").write(JsonOutput.forThread(), StructValue.of("ten")));
    assertEquals("field BID->price: expected a BIGINT value, not String", e.getMessage());
  }

  private static void assertSameAsJackson(DataType type, Object value) throws IOException {
    JsonOutput out = JsonOutput.forThread();
    JsonValueWriter.of(type, "value").write(out, value);
    String ours = new String(out.toByteArray(), StandardCharsets.UTF_8);
    assertEquals(jackson(type, value), ours, () -> "for " + type.sql() + " " + value);
  }

  /** What Jackson's generator, configured as Sluice's JSON text, writes for the value's encoding. */
  private static String jackson(DataType type, Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonText.FACTORY.createGenerator(bytes)) {
      writeWithJackson(g, type, value);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void writeWithJackson(JsonGenerator g, DataType type, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    switch (type.name()) {
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case INTEGER -> g.writeNumber((Integer) value);
      case BIGINT -> g.writeNumber((Long) value);
      case DOUBLE -> g.writeNumber((Double) value);
      case DECIMAL -> g.writeNumber((BigDecimal) value);
      case STRING -> g.writeString((String) value);
      case BYTES -> g.writeBinary((byte[]) value);
      case DATE -> g.writeNumber(((LocalDate) value).toEpochDay());
      case TIME -> g.writeNumber(((LocalTime) value).toNanoOfDay() / 1_000_000);
      case TIMESTAMP -> g.writeNumber(((Instant) value).toEpochMilli());
      case ARRAY -> {
        g.writeStartArray();
        for (Object element : (List<?>) value) {
          writeWithJackson(g, type.element(), element);
        }
        g.writeEndArray();
      }
      case MAP -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          g.writeFieldName((String) entry.getKey());
          writeWithJackson(g, type.element(), entry.getValue());
        }
        g.writeEndObject();
      }
      case STRUCT -> {
        g.writeStartObject();
        for (int i = 0; i < type.fields().size(); i++) {
          g.writeFieldName(type.fields().get(i).name());
          writeWithJackson(g, type.fields().get(i).type(), ((StructValue) value).get(i));
        }
        g.writeEndObject();
      }
    }
  }
}
