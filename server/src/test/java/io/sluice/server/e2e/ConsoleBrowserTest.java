package io.sluice.server.e2e;

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
}
