package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.server.results.PushQueries;
import io.sluice.server.testing.Chromium;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium, driven as a user drives it (typing in the editor, Ctrl+Enter,
 * clicks), with explicit waits and a screenshot per step in {@code target/console-screenshots/}.
 */
final class ConsolePage implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  private final ChromeDriver browser;
  private final Path profileDir;
  private final Path downloads;
  private final AtomicInteger shot = new AtomicInteger();
  private String testName = "console";

  private ConsolePage(ChromeDriver browser, Path profileDir, Path downloads) {
    this.browser = browser;
    this.profileDir = profileDir;
    this.downloads = downloads;
  }

  /** A browser with a fresh profile; the caller has checked {@link Chromium#missing()}. */
  static ConsolePage start() {
    try {
      Files.createDirectories(SHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path profileDir = Directories.createTemp("sluice-chromium");
    Path downloads = Directories.createTemp("sluice-downloads");
    return new ConsolePage(Chromium.start(profileDir, downloads), profileDir, downloads);
  }

  /** Names the following screenshots after this test. */
  void startTest(String name) {
    testName = name;
    shot.set(0);
  }

  ChromeDriver browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.quit();
    Directories.deleteRecursively(profileDir);
    Directories.deleteRecursively(downloads);
  }

  void open(String url) {
    browser.get(url + "/");
    waitFor(By.cssSelector(".CodeMirror"));
    waitForText(By.id("server-info"), "service");
  }

  WebElement editorInput() {
    return browser.findElement(By.cssSelector(".CodeMirror textarea"));
  }

  /** Replaces the editor's text by typing, as a user does; the cursor ends after the text. */
  void type(String sql) {
    browser.findElement(By.cssSelector(".CodeMirror")).click();
    WebElement input = editorInput();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    input.sendKeys(Keys.DELETE);
    input.sendKeys(sql);
    // CodeMirror keeps the previous line's indentation on Enter; the text typed has none.
    assertEquals(sql, script("return window.sluiceConsole.editor.cm.getValue();"));
  }

  /** Presses Ctrl+Enter and waits until the statement's output entry settles; returns ok or error. */
  String runAndSettle() {
    int before = logEntries().size();
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitUntil(() -> settledEntries() > before, "the statement to be answered");
    return entryStates().get(before);
  }

  List<WebElement> logEntries() {
    return browser.findElements(By.cssSelector("#log .entry"));
  }

  WebElement lastEntry() {
    List<WebElement> entries = logEntries();
    return entries.get(entries.size() - 1);
  }

  long settledEntries() {
    return entryStates().stream().filter(state -> !state.equals("pending")).count();
  }

  List<String> entryStates() {
    return logEntries().stream().map(e -> e.getAttribute("class").replace("entry", "").strip()).toList();
  }

  List<String> tableHeaders() {
    return browser.findElements(By.cssSelector("#result-table thead th")).stream().map(WebElement::getText).toList();
  }

  List<List<String>> tableRows() {
    return browser.findElements(By.cssSelector("#result-table tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  WebElement waitFor(By locator) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void waitForText(By locator, String text) {
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  void waitUntil(BooleanSupplier condition, String what) {
    new WebDriverWait(browser, WAIT).withMessage(what).until(driver -> condition.getAsBoolean());
  }

  /**
   * Presses Ctrl+Space until the completion list offers {@code expected} (the side panel's refresh
   * gives the editor its names a moment after the page opens) and returns the items offered, the
   * list left open.
   */
  List<String> completions(String expected) {
    List<String> offered = new ArrayList<>();
    waitUntil(() -> {
      editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
      offered.clear();
      browser.findElements(By.cssSelector(".CodeMirror-hints li")).forEach(item -> offered.add(item.getText()));
      if (offered.contains(expected)) {
        return true;
      }
      editorInput().sendKeys(Keys.ESCAPE);
      return false;
    }, "completion to offer " + expected);
    return offered;
  }

  Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  /** Waits for a finished download and returns its text, removing it so the next one has the name again. */
  String downloaded(String name) throws IOException {
    Path file = downloads.resolve(name);
    // The browser may make the file before it writes its bytes: wait for them too, and for its
    // partial download to be gone.
    Path partial = downloads.resolve(name + ".crdownload");
    waitUntil(() -> Files.isRegularFile(file) && file.toFile().length() > 0 && !Files.exists(partial),
        name + " to be downloaded");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.delete(file);
    return text;
  }

  /** A unique SQL identifier (unique names carry dashes, which identifiers cannot). */
  static String uniqueName(String prefix) {
    return SharedKafka.uniqueName(prefix).toUpperCase().replace('-', '_');
  }

  static PushQueries pushQueries(TestServer server) {
    return server.server().component(PushQueries.class).orElseThrow();
  }

  /** Saves the page as PNG under target/console-screenshots, named by test and step. */
  void screenshot(String step) {
    Path target = SHOTS.resolve(String.format("%s-%02d-%s.png", testName, shot.incrementAndGet(), step));
    try {
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The JUnit attachments convention: report tools link the file from the test's captured output.
    System.out.println("[[ATTACHMENT|" + target.toAbsolutePath() + "]]");
  }
}
