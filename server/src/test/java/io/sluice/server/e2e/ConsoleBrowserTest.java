package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.server.results.PushQueries;
import io.sluice.server.testing.Chromium;
import io.sluice.server.testing.Directories;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser console at {@code /}, driven in headless Chromium as a user drives it: typing SQL in
 * the editor, running it with Ctrl+Enter, watching rows arrive. Every step leaves a screenshot in
 * {@code server/target/console-screenshots/}.
 */
class ConsoleBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  private static TestServer server;
  private static ChromeDriver browser;
  private static Path profileDir;
  private static Path downloads;

  private String testName;
  private final AtomicInteger shot = new AtomicInteger();

  @BeforeAll
  static void startServerAndBrowser() throws IOException {
    String missing = Chromium.missing();
    assumeTrue(missing == null, missing);
    Files.createDirectories(SHOTS);
    server = TestServer.start();
    profileDir = Directories.createTemp("sluice-chromium");
    downloads = Directories.createTemp("sluice-downloads");
    browser = Chromium.start(profileDir, downloads);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profileDir != null) {
      Directories.deleteRecursively(profileDir);
      Directories.deleteRecursively(downloads);
    }
  }

  @BeforeEach
  void openConsole(TestInfo info) {
    testName = info.getTestMethod().orElseThrow().getName();
    open(server.url());
  }

  @Test
  void createStreamInsertRowsAndWatchThemStreamIntoAPushQueryUntilStopped() {
    String stream = name("CONSOLE_ORDERS");
    type("CREATE STREAM " + stream + " (ID BIGINT KEY, ITEM STRING, AMOUNT DOUBLE)\n"
        + "WITH (KAFKA_TOPIC='" + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    assertEquals("ok", runAndSettle());
    screenshot("stream-created");
    waitForText(By.id("list-streams"), stream);

    // A selection of several statements runs them in order.
    type("INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (1, 'apple', 2.5);\n"
        + "INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (2, 'pear', 1.25);\n"
        + "INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (3, 'plum', 4.0);");
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, "a"));
    int before = logEntries().size();
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitUntil(() -> settledEntries() >= before + 3, "the three INSERTs to be answered");
    assertEquals(List.of("ok", "ok", "ok"), entryStates().subList(before, before + 3));
    screenshot("rows-inserted");

    type("SELECT ID, ITEM, AMOUNT * 2 AS DOUBLED FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", runAndSettle());
    waitUntil(() -> tableRows().size() == 3, "the three rows to arrive in the push query's table");
    assertEquals(List.of("ID", "ITEM", "DOUBLED"), tableHeaders());
    assertEquals(List.of(List.of("1", "apple", "5.0"), List.of("2", "pear", "2.5"), List.of("3", "plum", "8.0")),
        tableRows());
    assertTrue(browser.findElement(By.id("stop")).isEnabled(), "Stop is offered while the query runs");
    waitForText(By.id("row-count"), "3 rows");
    screenshot("push-query-rows");

    // The editor stays usable while the push query streams: a new INSERT shows up in the table.
    type("INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (4, 'fig', 0.5);");
    assertEquals("ok", runAndSettle());
    waitUntil(() -> tableRows().size() == 4, "the row inserted while the query runs to arrive");
    assertEquals(List.of("4", "fig", "1.0"), tableRows().get(3));
    waitForText(By.id("row-count"), "4 rows");
    screenshot("push-query-new-row");

    browser.findElement(By.id("stop")).click();
    waitForText(By.id("result-status"), "Push query stopped");
    Poll.until(WAIT, () -> pushQueries().count() == 0, "the server to stop the push query the console closed");
    assertEquals(4, tableRows().size(), "the rows stay in the table after Stop");
    screenshot("push-query-stopped");
  }

  @Test
  void pullQueryOnAnAggregateTableShowsItsRowsAndDownloadsAsCsvAndJson() throws IOException {
    String stream = name("CONSOLE_CLICKS");
    String table = stream + "_PER_PAGE";
    type("CREATE STREAM " + stream + " (USER_ID STRING, PAGE STRING)\n"
        + "WITH (KAFKA_TOPIC='" + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');\n"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'home');\n"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u2', 'home');\n"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'cart');\n"
        + "CREATE TABLE " + table + " AS SELECT PAGE, COUNT(*) AS VIEWS FROM " + stream + " GROUP BY PAGE;");
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, "a"));
    int before = logEntries().size();
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitUntil(() -> settledEntries() >= before + 5, "the five statements to be answered");
    assertEquals(List.of("ok", "ok", "ok", "ok", "ok"), entryStates().subList(before, before + 5));
    waitForText(By.id("list-tables"), table);
    waitForText(By.id("list-queries"), "CTAS_" + table);
    screenshot("table-created");

    type("SELECT PAGE, VIEWS FROM " + table + ";");
    // The table fills as its query reads the stream; run the pull query until it has both pages.
    waitUntil(() -> {
      runAndSettle();
      return tableRows().stream().map(row -> String.join("=", row)).sorted().toList()
          .equals(List.of("cart=1", "home=2"));
    }, "the pull query to show cart=1 and home=2");
    assertEquals(List.of("PAGE", "VIEWS"), tableHeaders());
    waitForText(By.id("result-status"), "Pull query: 2 rows");
    screenshot("pull-query-rows");

    browser.findElement(By.id("download-csv")).click();
    String csv = downloaded("sluice-results.csv");
    assertEquals("PAGE,VIEWS", csv.lines().findFirst().orElseThrow());
    assertEquals(List.of("cart,1", "home,2"), csv.lines().skip(1).sorted().toList());
    browser.findElement(By.id("download-json")).click();
    String json = downloaded("sluice-results.json").replaceAll("\\s", "");
    assertTrue(json.contains("{\"PAGE\":\"home\",\"VIEWS\":2}") && json.contains("{\"PAGE\":\"cart\",\"VIEWS\":1}"), json);
  }

  @Test
  void queryPageDrawsTheTopologyShowsLiveMetricsExplainsAndTerminates() {
    String stream = name("CONSOLE_VISITS");
    String table = stream + "_PER_PAGE";
    server.ok("CREATE STREAM " + stream + " (USER_ID STRING, PAGE STRING) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'home');"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u2', 'home');"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'cart');"
        + "CREATE TABLE " + table + " AS SELECT PAGE, COUNT(*) AS VIEWS FROM " + stream + " GROUP BY PAGE;");
    String queryId = "CTAS_" + table;
    browser.findElement(By.id("refresh")).click();
    waitForText(By.id("list-queries"), queryId);
    browser.findElement(By.xpath("//ul[@id='list-queries']//button[.//span[starts-with(text(),'" + queryId + "')]]"))
        .click();

    waitFor(By.cssSelector("#query-page .plan-graph"));
    assertTrue(browser.findElement(By.cssSelector("#query-page .query-sql")).getText().contains("GROUP BY PAGE"));
    List<String> kinds = browser.findElements(By.cssSelector("#query-page .plan-node")).stream()
        .map(node -> node.getAttribute("data-node")).toList();
    assertEquals(List.of("source", "aggregate", "project", "sink"), kinds);
    String sink = browser.findElement(By.cssSelector("#query-page .plan-node[data-node='sink']")).getText();
    assertTrue(sink.contains("topic "), "the sink's topic: " + sink);
    // Long names are cut in the boxes; each box's hover text has the node's fields whole.
    String source = (String) script("return document.querySelector(\"#query-page .plan-node[data-node='source'] title\")"
        + ".textContent;");
    assertTrue(source.contains("\"sourceName\": \"" + stream + "\"") && source.contains(stream.toLowerCase()), source);
    String aggregate = browser.findElement(By.cssSelector("#query-page .plan-node[data-node='aggregate']")).getText();
    assertTrue(aggregate.contains("store "), "the aggregation's state store: " + aggregate);
    assertEquals(1, browser.findElements(By.cssSelector("#query-page .edge.repartition")).size(),
        "GROUP BY a value column repartitions the aggregation's input");
    // The metrics refresh on their own: the three records read and the two pages' counts written.
    waitForText(By.id("m-in"), "3");
    waitUntil(() -> Long.parseLong(browser.findElement(By.id("m-out")).getText().replace("–", "0")) >= 2,
        "records out to count the aggregation's output");
    assertEquals("0", browser.findElement(By.id("m-errors")).getText());
    // Everything inserted has been read: no lag; the aggregation's RocksDB store holds its counts.
    waitForText(By.id("m-lag"), "0");
    waitUntil(() -> browser.findElement(By.id("m-store")).getText().matches("[0-9.]+ (B|KB|MB)"),
        "the state store size to be measured");
    assertEquals("RUNNING", browser.findElement(By.cssSelector("#query-page .state")).getText());
    screenshot("query-page");

    // A record the query cannot read is skipped, counted and logged; the page lists it.
    Records.shared().produce(stream.toLowerCase(), List.of(Records.record(stream.toLowerCase(), null, "not json", 1L)));
    waitForText(By.id("m-errors"), "1");
    WebElement logged = waitFor(By.cssSelector("#query-page .processing-log table"));
    assertTrue(logged.getText().contains("source") && logged.getText().contains(stream.toLowerCase() + " [0] @3"),
        logged.getText());
    screenshot("query-processing-log");

    browser.findElement(By.xpath("//div[@class='query-head']/button[text()='Explain']")).click();
    waitForText(By.id("query-page"), "Sub-topology: 0");
    screenshot("query-explained");

    browser.findElement(By.xpath("//div[@class='query-head']/button[text()='Terminate']")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
    waitForText(By.cssSelector("#query-page .state"), "TERMINATED");
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.not(
        ExpectedConditions.textToBePresentInElementLocated(By.id("list-queries"), queryId)));
    assertTrue(server.ok("SHOW QUERIES;").toString().indexOf(queryId) < 0, "the server no longer runs the query");
    screenshot("query-terminated");

    browser.findElement(By.xpath("//div[@class='query-head']/button[contains(text(),'Editor')]")).click();
    waitFor(By.cssSelector(".CodeMirror"));
  }

  @Test
  void sqlErrorShowsTheServersMessageAndMarksItsLineAndColumnInTheEditor() {
    String stream = name("CONSOLE_ERRORS");
    server.ok("CREATE STREAM " + stream + " (ID BIGINT KEY, NAME STRING) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    // The failing statement starts on the editor's second line: the server's line 2 is the editor's line 3.
    type("SHOW STREAMS;\n"
        + "CREATE STREAM " + stream + "_OUT AS SELECT ID,\n"
        + "NO_SUCH_COLUMN\n"
        + "FROM " + stream + ";");
    assertEquals("error", runAndSettle());
    WebElement mark = waitFor(By.cssSelector(".CodeMirror .cm-sql-error"));
    assertEquals("NO_SUCH_COLUMN", mark.getText());
    assertEquals(2L, script("return window.sluiceConsole.editor.cm.getAllMarks()[0].find().from.line;"),
        "the mark is on the editor's third line");
    assertEquals(0L, script("return window.sluiceConsole.editor.cm.getAllMarks()[0].find().from.ch;"));
    WebElement error = lastEntry().findElement(By.className("error-msg"));
    assertTrue(error.getText().contains("NO_SUCH_COLUMN"), error.getText());
    assertTrue(error.getText().contains("line 3, column 1 in the editor"), error.getText());
    screenshot("error-marked");
  }

  @Test
  void leavingThePageStopsItsPushQueryOnTheServer() {
    String stream = name("CONSOLE_LEAVE");
    server.ok("CREATE STREAM " + stream + " (ID BIGINT KEY, NAME STRING) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    type("SELECT * FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", runAndSettle());
    waitUntil(() -> pushQueries().count() == 1, "the push query to run on the server");
    screenshot("push-query-running");
    browser.get("about:blank");
    Poll.until(WAIT, () -> pushQueries().count() == 0, "the server to stop the query of the page that was left");
  }

  @Test
  void pushQueryListedInTheSidePanelCanBeClosedFromThere() {
    String stream = name("CONSOLE_CLOSE");
    server.ok("CREATE STREAM " + stream + " (ID BIGINT KEY, NAME STRING) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    type("SELECT * FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", runAndSettle());
    waitUntil(() -> pushQueries().count() == 1, "the push query to run on the server");
    browser.findElement(By.id("refresh")).click();
    By pushItem = By.xpath("//ul[@id='list-queries']//button[.//span[starts-with(text(),'transient_" + stream + "')]]");
    waitFor(pushItem).click();
    WebElement close = waitFor(By.xpath("//div[@id='log']/div[last()]//button[text()='Close query']"));
    assertTrue(lastEntry().getText().contains("SELECT * FROM " + stream + " EMIT CHANGES;"), lastEntry().getText());
    screenshot("push-query-in-side-panel");
    close.click();
    waitForText(By.id("result-status"), "Push query ended");
    Poll.until(WAIT, () -> pushQueries().count() == 0, "the server to stop the closed query");
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(pushItem));
    screenshot("push-query-closed");
  }

  @Test
  void sidePanelListsSourcesAndClickingOneShowsItsSchemaTopicAndFormats() {
    String stream = name("CONSOLE_BROWSE");
    server.ok("CREATE STREAM " + stream + " (ID BIGINT KEY, NAME STRING, SCORE DOUBLE) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    server.ok("INSERT INTO " + stream + " (ID, NAME, SCORE) VALUES (7, 'seven', 0.5);");
    browser.findElement(By.id("refresh")).click();
    waitForText(By.id("list-streams"), stream);
    waitForText(By.id("list-topics"), stream.toLowerCase());

    // A topic shows its records (PRINT ... FROM BEGINNING LIMIT 10).
    browser.findElement(By.xpath("//ul[@id='list-topics']//button[.//span[text()='" + stream.toLowerCase() + "']]"))
        .click();
    WebElement printed = waitFor(By.cssSelector("#log .entry:last-child pre.print"));
    new WebDriverWait(browser, WAIT).until(driver -> printed.getText().contains("\"NAME\":\"seven\""));
    assertTrue(printed.getText().contains("key: 7"), printed.getText());
    screenshot("topic-printed");

    browser.findElement(By.xpath("//ul[@id='list-streams']//button[.//span[text()='" + stream + "']]")).click();
    WebElement describe = waitFor(By.cssSelector("#log .entry:last-child .describe"));
    String text = describe.getText();
    assertTrue(text.contains("STREAM " + stream), text);
    assertTrue(text.contains(stream.toLowerCase()), "the topic: " + text);
    assertTrue(text.contains("JSON") && text.contains("KAFKA"), "the formats: " + text);
    assertTrue(text.contains("SCORE") && text.contains("DOUBLE"), "the columns: " + text);
    screenshot("source-described");

    // Ctrl+Space completes the stream's name, once the refresh has described the sources.
    String prefix = stream.substring(0, stream.length() - 2);
    type("SELECT * FROM " + prefix);
    waitUntil(() -> {
      editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
      List<WebElement> hints = browser.findElements(By.cssSelector(".CodeMirror-hints"));
      if (!hints.isEmpty() && hints.get(0).getText().contains(stream)) {
        return true;
      }
      editorInput().sendKeys(Keys.ESCAPE);
      return false;
    }, "completion to offer " + stream);
    screenshot("completion");
    List<String> offered = browser.findElements(By.cssSelector(".CodeMirror-hints li")).stream()
        .map(WebElement::getText).toList();
    assertEquals(stream, offered.get(0), "the only name with that prefix: " + offered);
    editorInput().sendKeys(Keys.ENTER);
    assertEquals("SELECT * FROM " + stream, script("return window.sluiceConsole.editor.cm.getValue();"));
  }

  @Test
  void ctrlEnterRunsOnlyTheStatementUnderTheCursor() {
    type("SHOW STREAMS;\nSHOW TOPICS;\n");
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
    int before = logEntries().size();
    assertEquals("ok", runAndSettle());
    assertEquals(before + 1, logEntries().size(), "one statement ran");
    assertEquals("SHOW STREAMS;", lastEntry().findElement(By.className("entry-sql")).getText());
    // After the last statement, in the blank line below it, the cursor belongs to that statement.
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
    assertEquals("ok", runAndSettle());
    assertEquals("SHOW TOPICS;", lastEntry().findElement(By.className("entry-sql")).getText());
    screenshot("statement-under-cursor");
  }

  @Test
  void statementsSplitAtSemicolonsOutsideQuotesIdentifiersAndComments() {
    String text = "INSERT INTO S (A) VALUES ('x;y''z');\n-- a comment; not a statement\n"
        + "SELECT `odd;name` FROM T /* ; */ EMIT CHANGES;\n  ;\nSHOW STREAMS";
    Object pieces = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import('/js/sql.js').then(sql => done(sql.splitStatements(arguments[0])"
            + ".map(s => [s.text, sql.kindOf(s.text), arguments[0].slice(s.start, s.end) === s.text])));",
        text);
    assertEquals(List.of(
        List.of("INSERT INTO S (A) VALUES ('x;y''z');", "ksql", true),
        List.of("-- a comment; not a statement\nSELECT `odd;name` FROM T /* ; */ EMIT CHANGES;", "push", true),
        List.of("SHOW STREAMS", "ksql", true)), pieces);
  }

  @Test
  void pageLoadsInUnderASecondOnLoopback() {
    browser.navigate().refresh();
    waitFor(By.cssSelector(".CodeMirror"));
    Number loaded = (Number) script("const nav = performance.getEntriesByType('navigation')[0];"
        + "return nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : null;");
    assertTrue(loaded != null && loaded.doubleValue() < 1000, "the page loaded in " + loaded + " ms");
  }

  @Test
  void bannerShowsWhenTheServerCannotBeReached() {
    TestServer doomed = TestServer.start();
    try {
      open(doomed.url());
    } finally {
      doomed.close();
    }
    WebElement banner = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
    assertTrue(banner.getText().contains("Cannot reach the Sluice server"), banner.getText());
    screenshot("server-unreachable");
  }

  // ---- driving the page

  private void open(String url) {
    browser.get(url + "/");
    waitFor(By.cssSelector(".CodeMirror"));
    waitForText(By.id("server-info"), "service");
  }

  private WebElement editorInput() {
    return browser.findElement(By.cssSelector(".CodeMirror textarea"));
  }

  /** Replaces the editor's text by typing, as a user does; the cursor ends after the text. */
  private void type(String sql) {
    browser.findElement(By.cssSelector(".CodeMirror")).click();
    WebElement input = editorInput();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    input.sendKeys(Keys.DELETE);
    input.sendKeys(sql);
    // CodeMirror keeps the previous line's indentation on Enter; the text typed has none.
    assertEquals(sql, script("return window.sluiceConsole.editor.cm.getValue();"));
  }

  /** Presses Ctrl+Enter and waits until the statement's output entry settles; returns ok or error. */
  private String runAndSettle() {
    int before = logEntries().size();
    editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitUntil(() -> settledEntries() > before, "the statement to be answered");
    return entryStates().get(before);
  }

  private List<WebElement> logEntries() {
    return browser.findElements(By.cssSelector("#log .entry"));
  }

  private WebElement lastEntry() {
    List<WebElement> entries = logEntries();
    return entries.get(entries.size() - 1);
  }

  private long settledEntries() {
    return entryStates().stream().filter(state -> !state.equals("pending")).count();
  }

  private List<String> entryStates() {
    return logEntries().stream().map(e -> e.getAttribute("class").replace("entry", "").strip()).toList();
  }

  private List<String> tableHeaders() {
    return browser.findElements(By.cssSelector("#result-table thead th")).stream().map(WebElement::getText).toList();
  }

  private List<List<String>> tableRows() {
    return browser.findElements(By.cssSelector("#result-table tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  private WebElement waitFor(By locator) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private void waitForText(By locator, String text) {
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  private void waitUntil(BooleanSupplier condition, String what) {
    new WebDriverWait(browser, WAIT).withMessage(what).until(driver -> condition.getAsBoolean());
  }

  private Object script(String js) {
    return ((JavascriptExecutor) browser).executeScript(js);
  }

  /** Waits for a finished download and returns its text, removing it so the next one has the name again. */
  private String downloaded(String name) throws IOException {
    Path file = downloads.resolve(name);
    waitUntil(() -> Files.isRegularFile(file), name + " to be downloaded");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.delete(file);
    return text;
  }

  /** A unique SQL identifier (unique names carry dashes, which identifiers cannot). */
  private static String name(String prefix) {
    return SharedKafka.uniqueName(prefix).toUpperCase().replace('-', '_');
  }

  private static PushQueries pushQueries() {
    return server.server().component(PushQueries.class).orElseThrow();
  }

  /** Saves the page as PNG under target/console-screenshots, named by test and step. */
  private void screenshot(String step) {
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
