package io.sluice.runtime.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.Formats;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SerdeFormat;
import io.sluice.plan.StructValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How STRUCT, ARRAY and MAP values, nested in each other, read and write as JSON and as binary. */
class StructSerdeTest {

  private static final DataType ADDRESS = DataType.struct(List.of(
      new DataType.Field("CITY", DataType.STRING), new DataType.Field("ZIP", DataType.INTEGER)));
  private static final DataType PERSON = DataType.struct(List.of(
      new DataType.Field("NAME", DataType.STRING),
      new DataType.Field("dateTime", DataType.TIMESTAMP),
      new DataType.Field("ADDRESS", ADDRESS),
      new DataType.Field("TAGS", DataType.array(DataType.STRING)),
      new DataType.Field("SCORES", DataType.map(DataType.array(ADDRESS)))));
  private static final RowSchema SCHEMA = new RowSchema(List.of(Column.value("P", PERSON)));
  private static final RowCodec JSON = RowCodec.of(SCHEMA, new Formats(SerdeFormat.NONE, SerdeFormat.JSON));

  private static StructValue person() {
    Map<String, Object> scores = new LinkedHashMap<>();
    scores.put("a", List.of(StructValue.of("Oslo", 1)));
    scores.put("b", null);
    return StructValue.of("ann", Instant.ofEpochMilli(1000), StructValue.of(null, 7),
        Arrays.asList("x", null), scores);
  }

  private static Object[] read(String json) {
    return JSON.deserialize(null, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nestedStructsWriteAsObjectsWithEveryFieldNamedAsDeclared() {
    String json = new String(JSON.serializeValue(new Object[] {person()}), StandardCharsets.UTF_8);
    assertEquals("{\"P\":{\"NAME\":\"ann\",\"dateTime\":1000,\"ADDRESS\":{\"CITY\":null,\"ZIP\":7},"
        + "\"TAGS\":[\"x\",null],\"SCORES\":{\"a\":[{\"CITY\":\"Oslo\",\"ZIP\":1}],\"b\":null}}}", json);
  }

  @Test
  void nestedJsonRoundTripsToEqualStructs() {
    byte[] bytes = JSON.serializeValue(new Object[] {person()});
    assertEquals(person(), JSON.deserialize(null, bytes)[0]);
  }

  @Test
  void membersMatchFieldsCaseInsensitivelyInAnyOrderAndExtraMembersAreSkipped() {
    Object[] row = read("{\"p\":{\"extra\":{\"deep\":[1,2]},\"address\":{\"zip\":3},\"DATETIME\":1000,\"name\":\"bo\"}}");
    assertEquals(StructValue.of("bo", Instant.ofEpochMilli(1000), StructValue.of(null, 3), null, null), row[0]);
  }

  @Test
  void jsonNullIsANullStructAndMissingMembersAreNullFields() {
    assertArrayEquals(new Object[] {null}, read("{\"P\":null}"));
    assertEquals(StructValue.of(null, null, null, null, null), read("{\"P\":{}}")[0]);
  }

  @Test
  void aNestedValueOfTheWrongTypeIsABadRecordNamingItsPath() {
    RecordFormatException e = assertThrows(RecordFormatException.class,
        () -> read("{\"P\":{\"ADDRESS\":{\"ZIP\":\"seven\"}}}"));
    assertTrue(e.getMessage().contains("field P->ADDRESS->ZIP"), e.getMessage());
    assertThrows(RecordFormatException.class, () -> read("{\"P\":[1]}"));
  }

  @Test
  void aBadValueInAMapOfArraysNamesTheEntryKeyAndTheElement() {
    RecordFormatException e = assertThrows(RecordFormatException.class,
        () -> read("{\"P\":{\"SCORES\":{\"ok\":[],\"bad\":[{\"ZIP\":\"seven\"}]}}}"));
    assertEquals("field P->SCORES entry bad element->ZIP: expected an integer, got \"seven\"", e.getMessage());
  }

  @Test
  void membersSpelledInAnotherCaseAreFoundRecordAfterRecord() {
    for (int i = 0; i < 3; i++) {
      assertEquals(StructValue.of("ann", null, StructValue.of("Oslo", i), null, null),
          read("{\"p\":{\"name\":\"ann\",\"address\":{\"city\":\"Oslo\",\"zip\":" + i + "}}}")[0]);
    }
  }

  @Test
  void binaryEncodingRoundTripsNestedValuesAndNulls() {
    for (Object value : new Object[] {person(), null, StructValue.of(null, null, null, null, null)}) {
      BinaryWriter out = BinaryWriter.reset();
      BinaryValues.write(out, value, PERSON);
      assertEquals(value, BinaryValues.read(new BinaryReader(out.toByteArray()), PERSON));
    }
  }

  @Test
  void equalStructsEncodeToEqualBytes() {
    BinaryWriter a = BinaryWriter.reset();
    BinaryValues.write(a, person(), PERSON);
    byte[] first = a.toByteArray();
    BinaryWriter b = BinaryWriter.reset();
    BinaryValues.write(b, person(), PERSON);
    assertArrayEquals(first, b.toByteArray());
  }
}
