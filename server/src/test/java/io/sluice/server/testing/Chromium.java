package io.sluice.server.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver, for the console's browser tests.
 * Both binaries are named explicitly, so Selenium never tries to download a browser or a driver.
 */
public final class Chromium {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Flags this machine needs: no sandbox as root, and none of Chromium's background connections,
   * which a closed network refuses many at a time.
   */
  private static final List<String> FLAGS = List.of(
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", "--window-size=1280,800");

  private Chromium() {}

  /** Why the browser tests cannot run here, or null when both binaries are installed. */
  public static String missing() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      return BROWSER + " or " + DRIVER + " is not installed (bin/sluice test installs Debian's chromium and "
          + "chromium-driver when it runs as root or with sudo): the browser tests are skipped";
    }
    return null;
  }

  /** Starts a browser with a fresh profile in {@code profileDir}; downloads go to {@code downloadDir}. */
  public static ChromeDriver start(Path profileDir, Path downloadDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profileDir);
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloadDir.toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(60))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // --window-size sizes the window; the page gets what the browser's bars leave. The page is to be 1280x800.
    Number bars = (Number) driver.executeScript("return window.outerHeight - window.innerHeight;");
    driver.manage().window().setSize(new Dimension(1280, 800 + bars.intValue()));
    return driver;
  }
}
