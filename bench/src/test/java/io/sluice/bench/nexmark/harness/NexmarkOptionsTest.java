package io.sluice.bench.nexmark.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NexmarkOptionsTest {

  @Test
  void defaultsRunEveryQueryThreeTimesOnOneMillionEventsWithTheCheck() {
    NexmarkOptions options = NexmarkOptions.parse(new String[0]);
    assertEquals(1_000_000, options.events());
    assertEquals(3, options.rounds());
    assertEquals(4, options.partitions());
    assertEquals(NexmarkOptions.ALL_QUERIES, options.queries());
    assertTrue(options.check());
    assertEquals(Optional.empty(), options.bootstrap());
    assertEquals("2g", options.heap());
  }

  @Test
  void flagsSetEverySetting() {
    NexmarkOptions options = NexmarkOptions.parse(new String[] {"--events", "2_000_000", "--partitions", "8",
        "--queries", "q5, Q0,q5", "--bootstrap", "kafka:9092", "--rounds", "5", "--heap", "1536m", "--timeout-s", "60",
        "--topic", "nx", "--data-dir", "/tmp/nx", "--json", "out.json"});
    assertEquals(2_000_000, options.events());
    assertEquals(8, options.partitions());
    assertEquals(List.of("q5", "q0"), options.queries());
    assertEquals(Optional.of("kafka:9092"), options.bootstrap());
    assertEquals(5, options.rounds());
    assertFalse(options.check(), "above a million events the check is off unless asked for");
    assertEquals("1536m", options.heap());
    assertEquals(Duration.ofSeconds(60), options.timeout());
    assertEquals("nx", options.topic());
    assertEquals(Path.of("/tmp/nx"), options.dataDir());
    assertEquals(Optional.of(Path.of("out.json")), options.json());
  }

  @Test
  void checkFlagOverridesTheDefault() {
    assertTrue(NexmarkOptions.parse(new String[] {"--events", "5000000", "--check", "true"}).check());
    assertFalse(NexmarkOptions.parse(new String[] {"--check", "false"}).check());
  }

  @Test
  void badFlagsAreRefusedNamingTheFlag() {
    assertEquals("unknown query 'q4'; known: " + String.join(",", NexmarkOptions.ALL_QUERIES),
        assertThrows(IllegalArgumentException.class, () -> NexmarkOptions.parse(new String[] {"--queries", "q4"}))
            .getMessage());
    assertEquals("flag --events needs a value",
        assertThrows(IllegalArgumentException.class, () -> NexmarkOptions.parse(new String[] {"--events"}))
            .getMessage());
    assertEquals("--check needs true or false, not 'yes'",
        assertThrows(IllegalArgumentException.class, () -> NexmarkOptions.parse(new String[] {"--check", "yes"}))
            .getMessage());
    assertEquals("unknown flag --speed",
        assertThrows(IllegalArgumentException.class, () -> NexmarkOptions.parse(new String[] {"--speed", "1"}))
            .getMessage());
  }
}
