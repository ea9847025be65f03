package io.sluice.server.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.runtime.RuntimeOptions;
import io.sluice.server.testing.Directories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case under {@code src/test/resources/conformance/} (format in its README) on
 * {@link org.apache.kafka.streams.TopologyTestDriver}: plans the statements as the server does,
 * pipes the inputs through each query, and compares outputs, schemas and the processing log.
 */
class SqlConformanceTest {

  static final String TTD_RUN = "ttd";
  /** {@code -Dsluice.conformance.disabled=true} runs the disabled cases too, to see whether a fix landed. */
  static final boolean RUN_DISABLED = Boolean.getBoolean("sluice.conformance.disabled");
  private static final RuntimeOptions OPTIONS = new RuntimeOptions(
      DriverRun.PROCESSING_LOG, Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
  private static Path dataDir;

  @BeforeAll
  static void createDataDir() {
    dataDir = Directories.createTemp("sluice-conformance");
  }

  @AfterAll
  static void deleteDataDir() {
    Directories.deleteRecursively(dataDir);
  }

  @TestFactory
  Stream<DynamicTest> everyCaseBehavesAsDocumented() {
    return CaseFiles.all().stream()
        .map(text -> DynamicTest.dynamicTest(text.displayName(), () -> run(text.parse(TTD_RUN))));
  }

  private static void run(SqlCase c) {
    if (c.disabledReason() != null && !RUN_DISABLED) {
      Assumptions.abort("disabled: " + c.disabledReason());
    }
    if (c.inputs().stream().anyMatch(input -> input.partition() != 0)) {
      Assumptions.abort("produces to a partition other than 0, which TopologyTestDriver does not have; "
          + "runs on the broker only");
    }
    assertAll(c.displayName(), () -> check(c));
  }

  private static void check(SqlCase c) {
    PlannedScript script;
    try {
      script = ScriptPlanner.plan(c.sql(), OPTIONS);
    } catch (StatementRefusedException refused) {
      checkRefusal(c.error(), refused.getMessage(), refused.line(), refused.column());
      return;
    }
    if (c.error() != null) {
      fail("expected the statements to be refused with '" + c.error().fragment() + "', but they ran");
    }
    CaseCheck.verify(c, script, DriverRun.run(script, c.inputs(), dataDir));
  }

  /** Checks a refusal against the case's expected error; shared with the broker runner. */
  static void checkRefusal(ExpectedError expected, String message, int line, int column) {
    if (expected == null) {
      fail("the statements were refused at " + line + ":" + column + ": " + message);
    }
    assertTrue(message.contains(expected.fragment()),
        "expected the refusal to contain '" + expected.fragment() + "', got: " + message);
    if (expected.line() != null) {
      assertEquals(expected.line() + ":" + expected.column(), line + ":" + column, "position of: " + message);
    }
  }
}
