package io.sluice.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SourceDescriptorJsonTest {

  private static final ObjectMapper MAPPER = PlanJson.mapper();

  private static SourceDescriptor table(WindowSpec window) {
    return new SourceDescriptor("COUNTS", SourceType.TABLE, "counts",
        RowSchema.of(Column.key("K", DataType.STRING), Column.value("N", DataType.BIGINT)),
        new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON), null, null, window);
  }

  @Test
  void windowedTableKeepsItsWindowThroughJson() throws Exception {
    SourceDescriptor windowed = table(new WindowSpec(WindowType.HOPPING, 60_000, 10_000L, 0, 60_000));
    assertEquals(windowed, MAPPER.readValue(MAPPER.writeValueAsString(windowed), SourceDescriptor.class));
  }

  @Test
  void unwindowedSourceWritesNoWindowAndReadsOldJson() throws Exception {
    String json = MAPPER.writeValueAsString(table(null));
    assertFalse(json.contains("window"), json);
    assertNull(MAPPER.readValue(json, SourceDescriptor.class).window());
  }

  @Test
  void streamKeepsItsGracePeriodThroughJsonAndOldJsonHasNone() throws Exception {
    SourceDescriptor stream = new SourceDescriptor("S", SourceType.STREAM, "s",
        RowSchema.of(Column.value("N", DataType.BIGINT)), new Formats(SerdeFormat.KAFKA, SerdeFormat.JSON),
        null, null, null, null, 4_000L);
    String json = MAPPER.writeValueAsString(stream);
    assertEquals(stream, MAPPER.readValue(json, SourceDescriptor.class));
    assertEquals(4_000L, MAPPER.readValue(json, SourceDescriptor.class).gracePeriod());
    assertNull(MAPPER.readValue(MAPPER.writeValueAsString(table(null)), SourceDescriptor.class).gracePeriod());
  }
}
