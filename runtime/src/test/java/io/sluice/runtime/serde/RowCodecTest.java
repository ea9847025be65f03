package io.sluice.runtime.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.Formats;
import io.sluice.plan.PseudoColumn;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.runtime.ExprText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;

/** How rows become key and value bytes and back, as INSERT VALUES, PRINT and the topology use them. */
class RowCodecTest {

  private static final RowSchema ORDERS = schema("ID BIGINT KEY", "NAME STRING", "PRICE DECIMAL(10,2)", "DAY DATE", "AT TIMESTAMP");
  private static final Formats KAFKA_JSON = new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON);

  private static RowSchema schema(String... columns) {
    List<Column> all = new ArrayList<>(Stream.of(columns).map(ExprText::column).toList());
    all.addAll(PseudoColumn.columns());
    return new RowSchema(all);
  }

  @Test
  void insertValuesRowBecomesKafkaKeyAndJsonValueBytes() {
    RowCodec codec = RowCodec.of(ORDERS, KAFKA_JSON);
    Object[] row = {7L, "pen", new BigDecimal("1.50"), LocalDate.ofEpochDay(3), Instant.ofEpochMilli(42), 999L, 1, 2L};
    assertEquals(7L, new LongDeserializer().deserialize("t", codec.serializeKey(row)));
    assertEquals("{\"NAME\":\"pen\",\"PRICE\":1.50,\"DAY\":3,\"AT\":42}",
        new String(codec.serializeValue(row), StandardCharsets.UTF_8));
  }

  @Test
  void printTurnsKeyAndValueBytesBackIntoARowWithoutPseudoColumns() {
    RowCodec codec = RowCodec.of(ORDERS, KAFKA_JSON);
    Object[] row = codec.deserialize(new LongSerializer().serialize("t", 7L),
        "{\"name\":\"pen\",\"PRICE\":\"1.5\",\"DAY\":\"1970-01-04\",\"AT\":\"1970-01-01T00:00:00.042Z\"}".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(new Object[] {7L, "pen", new BigDecimal("1.50"), LocalDate.ofEpochDay(3), Instant.ofEpochMilli(42), null, null, null}, row);
  }

  @Test
  void aTombstoneReadsAsNullValueColumns() {
    Object[] row = RowCodec.of(ORDERS, KAFKA_JSON).deserialize(new LongSerializer().serialize("t", 1L), null);
    assertEquals(1L, row[0]);
    assertNull(row[1]);
  }

  @Test
  void severalJsonKeyColumnsRoundTripAsAnObject() {
    KeyCodec key = KeyCodec.of(List.of(Column.key("REGION", DataType.STRING), Column.key("ID", DataType.INTEGER)), SerdeFormat.JSON);
    byte[] bytes = key.serialize(new Object[] {"eu", 3});
    assertEquals("{\"REGION\":\"eu\",\"ID\":3}", new String(bytes, StandardCharsets.UTF_8));
    assertArrayEquals(new Object[] {"eu", 3}, key.deserialize(bytes));
  }

  @Test
  void aSingleJsonKeyColumnIsBareAndANullOneWritesNoBytes() {
    KeyCodec key = KeyCodec.of(List.of(Column.key("ID", DataType.STRING)), SerdeFormat.JSON);
    assertEquals("\"a\"", new String(key.serialize(new Object[] {"a"}), StandardCharsets.UTF_8));
    assertNull(key.serialize(new Object[] {null}));
    assertArrayEquals(new Object[] {null}, key.deserialize(null));
  }

  @Test
  void aValueOfTheWrongJavaClassIsASerializationErrorNamingTheColumn() {
    RowCodec codec = RowCodec.of(ORDERS, KAFKA_JSON);
    Object[] row = {7, "pen", 1.5, null, null, null, null, null};
    RecordFormatException key = assertThrows(RecordFormatException.class, () -> codec.serializeKey(row));
    assertEquals("key: expected a BIGINT value, not Integer", key.getMessage());
    RecordFormatException value = assertThrows(RecordFormatException.class, () -> codec.serializeValue(row));
    assertEquals("field PRICE: expected a DECIMAL(10, 2) value, not Double", value.getMessage());
  }

  @Test
  void theTimestampExtractorReadsOneColumnWithoutTheRest() {
    ValueCodec value = ValueCodec.of(ORDERS.valueColumns(), SerdeFormat.JSON);
    byte[] bytes = "{\"AT\": 42, \"PRICE\": \"not a number\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(Instant.ofEpochMilli(42), value.deserializeColumn(bytes, 3));
    assertNull(value.deserializeColumn("{}".getBytes(StandardCharsets.UTF_8), 3));
  }
}
