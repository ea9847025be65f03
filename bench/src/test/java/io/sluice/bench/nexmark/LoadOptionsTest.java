package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void withoutFlagsItLoadsAMillionNestedEventsIntoTheInProcessBroker() {
    LoadOptions options = LoadOptions.parse(new String[0]);
    assertEquals(1_000_000, options.events());
    assertEquals(4, options.partitions());
    assertEquals("nexmark", options.topic());
    assertEquals(NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND, options.eventsPerSecond());
    assertEquals(NexmarkLayout.NESTED, options.layout());
    assertEquals("lz4", options.compression());
    assertEquals(Optional.empty(), options.bootstrap());
  }

  @Test
  void flagsSetEverySetting() {
    LoadOptions options = LoadOptions.parse(new String[] {
        "--events", "50_000_000", "--partitions", "8", "--topic", "nx", "--seed", "-3", "--rate", "1000",
        "--layout", "flat", "--compression", "none", "--bootstrap", "h:9092", "--data-dir", "d", "--json", "m.json"});
    assertEquals(50_000_000, options.events());
    assertEquals(8, options.partitions());
    assertEquals("nx", options.topic());
    assertEquals(-3, options.seed());
    assertEquals(1000, options.eventsPerSecond());
    assertEquals(NexmarkLayout.FLAT, options.layout());
    assertEquals("none", options.compression());
    assertEquals(Optional.of("h:9092"), options.bootstrap());
    assertEquals(Path.of("d"), options.dataDir());
    assertEquals(Optional.of(Path.of("m.json")), options.json());
  }

  @Test
  void badFlagsAreRefusedNamingTheFlag() {
    assertEquals("unknown flag --count",
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--count", "1"}))
            .getMessage());
    assertEquals("--events must be positive",
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--events", "0"}))
            .getMessage());
    assertEquals("--layout must be nested or flat, not 'wide'",
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--layout", "wide"}))
            .getMessage());
  }

  @Test
  void theFlatLayoutWritesOneTopicPerEventType() {
    assertEquals(List.of("nx-person", "nx-auction", "nx-bid"), NexmarkLayout.FLAT.topics("nx"));
    assertEquals(List.of("nx"), NexmarkLayout.NESTED.topics("nx"));
  }
}
