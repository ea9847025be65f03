package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.server.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every console browser test class shares: one server and one headless Chromium per class,
 * and the console opened afresh before each test, its screenshots named after the test. The
 * classes are skipped, saying why, only when Chromium is not installed.
 */
abstract class ConsoleBrowserTest {

  static TestServer server;
  static ConsolePage page;
  static ChromeDriver browser;

  @BeforeAll
  static void startServerAndBrowser() {
    String missing = Chromium.missing();
    assumeTrue(missing == null, missing);
    server = TestServer.start();
    page = ConsolePage.start();
    browser = page.browser();
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
      page = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @BeforeEach
  void openConsole(TestInfo info) {
    page.startTest(info.getTestMethod().orElseThrow().getName());
    page.open(server.url());
  }

  /** A new stream (ID BIGINT KEY, NAME STRING) on a one-partition topic, named from {@code prefix}. */
  static String createNameStream(String prefix) {
    String stream = ConsolePage.uniqueName(prefix);
    server.ok("CREATE STREAM " + stream + " (ID BIGINT KEY, NAME STRING) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    return stream;
  }

  /** Runs {@code SELECT * FROM stream EMIT CHANGES;} from the editor and waits for the server to run it. */
  static void startPushQuery(String stream) {
    page.type("SELECT * FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", page.runAndSettle());
    page.waitUntil(() -> ConsolePage.pushQueries(server).count() == 1, "the push query to run on the server");
  }
}
