package io.sluice.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Polling returns on the first success and fails with a message that says what never happened. */
class PollTest {

  @Test
  void returnsTheFirstValueAfterEarlierTriesFailedOrGaveNothing() {
    AtomicInteger tries = new AtomicInteger();

    String value =
        Poll.forValue(
            Duration.ofSeconds(10),
            () -> switch (tries.incrementAndGet()) {
              case 1 -> throw new IllegalStateException("not yet");
              case 2 -> null;
              default -> "done";
            },
            "a value");

    assertEquals("done", value);
    assertEquals(3, tries.get());
  }

  @Test
  void timeoutNamesTheConditionAndKeepsTheLastError() {
    IllegalStateException cause = new IllegalStateException("still broken");

    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Poll.until(Duration.ofMillis(50), () -> {
              throw cause;
            }, "the thing to work"));

    assertTrue(error.getMessage().startsWith("Timed out after 50 ms waiting for the thing to work"), error.getMessage());
    assertTrue(error.getMessage().contains("still broken"), error.getMessage());
    assertSame(cause, error.getCause());
  }
}
