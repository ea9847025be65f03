package io.sluice.server.e2e;

import static io.sluice.server.e2e.ConsolePage.WAIT;
import static io.sluice.server.e2e.ConsolePage.pushQueries;
import static io.sluice.server.e2e.ConsolePage.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.Poll;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's editor and results in headless Chromium: statements typed and run with Ctrl+Enter,
 * push rows streaming in until Stop, a pull query's table and its downloads, errors marked in the
 * editor. Screenshots: {@code server/target/console-screenshots/}.
 */
class ConsoleEditorBrowserTest extends ConsoleBrowserTest {

  @Test
  void createStreamInsertRowsAndWatchThemStreamIntoAPushQueryUntilStopped() {
    String stream = uniqueName("CONSOLE_ORDERS");
    page.type("CREATE STREAM " + stream + " (ID BIGINT KEY, ITEM STRING, AMOUNT DOUBLE)\n"
        + "WITH (KAFKA_TOPIC='" + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    assertEquals("ok", page.runAndSettle());
    page.screenshot("stream-created");
    page.waitForText(By.id("list-streams"), stream);

    // A selection of several statements runs them in order.
    page.type("INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (1, 'apple', 2.5);\n"
        + "INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (2, 'pear', 1.25);\n"
        + "INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (3, 'plum', 4.0);");
    page.editorInput().sendKeys(Keys.chord(Keys.CONTROL, "a"));
    int before = page.logEntries().size();
    page.editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    page.waitUntil(() -> page.settledEntries() >= before + 3, "the three INSERTs to be answered");
    assertEquals(List.of("ok", "ok", "ok"), page.entryStates().subList(before, before + 3));
    page.screenshot("rows-inserted");

    page.type("SELECT ID, ITEM, AMOUNT * 2 AS DOUBLED FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", page.runAndSettle());
    page.waitUntil(() -> page.tableRows().size() == 3, "the three rows to arrive in the push query's table");
    assertEquals(List.of("ID", "ITEM", "DOUBLED"), page.tableHeaders());
    assertEquals(List.of(List.of("1", "apple", "5.0"), List.of("2", "pear", "2.5"), List.of("3", "plum", "8.0")),
        page.tableRows());
    assertTrue(browser.findElement(By.id("stop")).isEnabled(), "Stop is offered while the query runs");
    page.waitForText(By.id("row-count"), "3 rows");
    page.screenshot("push-query-rows");

    // The editor stays usable while the push query streams: a new INSERT shows up in the table.
    page.type("INSERT INTO " + stream + " (ID, ITEM, AMOUNT) VALUES (4, 'fig', 0.5);");
    assertEquals("ok", page.runAndSettle());
    page.waitUntil(() -> page.tableRows().size() == 4, "the row inserted while the query runs to arrive");
    assertEquals(List.of("4", "fig", "1.0"), page.tableRows().get(3));
    page.waitForText(By.id("row-count"), "4 rows");
    page.screenshot("push-query-new-row");

    browser.findElement(By.id("stop")).click();
    page.waitForText(By.id("result-status"), "Push query stopped");
    Poll.until(WAIT, () -> pushQueries(server).count() == 0, "the server to stop the push query the console closed");
    assertEquals(4, page.tableRows().size(), "the rows stay in the table after Stop");
    page.screenshot("push-query-stopped");
  }

  @Test
  void pullQueryOnAnAggregateTableShowsItsRowsAndDownloadsAsCsvAndJson() throws IOException {
    String stream = uniqueName("CONSOLE_CLICKS");
    String table = stream + "_PER_PAGE";
    page.type("CREATE STREAM " + stream + " (USER_ID STRING, PAGE STRING)\n"
        + "WITH (KAFKA_TOPIC='" + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');\n"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'home');\n"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u2', 'home');\n"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'cart');\n"
        + "CREATE TABLE " + table + " AS SELECT PAGE, COUNT(*) AS VIEWS FROM " + stream + " GROUP BY PAGE;");
    page.editorInput().sendKeys(Keys.chord(Keys.CONTROL, "a"));
    int before = page.logEntries().size();
    page.editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    page.waitUntil(() -> page.settledEntries() >= before + 5, "the five statements to be answered");
    assertEquals(List.of("ok", "ok", "ok", "ok", "ok"), page.entryStates().subList(before, before + 5));
    page.waitForText(By.id("list-tables"), table);
    page.waitForText(By.id("list-queries"), "CTAS_" + table);
    page.screenshot("table-created");

    page.type("SELECT PAGE, VIEWS FROM " + table + ";");
    // The table fills as its query reads the stream; run the pull query until it has both pages.
    page.waitUntil(() -> {
      page.runAndSettle();
      return page.tableRows().stream().map(row -> String.join("=", row)).sorted().toList()
          .equals(List.of("cart=1", "home=2"));
    }, "the pull query to show cart=1 and home=2");
    assertEquals(List.of("PAGE", "VIEWS"), page.tableHeaders());
    page.waitForText(By.id("result-status"), "Pull query: 2 rows");
    page.screenshot("pull-query-rows");

    browser.findElement(By.id("download-csv")).click();
    String csv = page.downloaded("sluice-results.csv");
    assertEquals("PAGE,VIEWS", csv.lines().findFirst().orElseThrow());
    assertEquals(List.of("cart,1", "home,2"), csv.lines().skip(1).sorted().toList());
    browser.findElement(By.id("download-json")).click();
    String json = page.downloaded("sluice-results.json").replaceAll("\\s", "");
    assertTrue(json.contains("{\"PAGE\":\"home\",\"VIEWS\":2}"), json);
    assertTrue(json.contains("{\"PAGE\":\"cart\",\"VIEWS\":1}"), json);
  }

  @Test
  void aSecondPushQueryReplacesTheFirstWhichTheServerStops() {
    String stream = createNameStream("CONSOLE_TWICE");
    server.ok("INSERT INTO " + stream + " (ID, NAME) VALUES (1, 'one');");
    page.type("SELECT ID FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", page.runAndSettle());
    page.waitUntil(() -> page.tableRows().equals(List.of(List.of("1"))), "the first query's row");

    page.type("SELECT NAME FROM " + stream + " EMIT CHANGES;");
    assertEquals("ok", page.runAndSettle());
    page.waitUntil(() -> page.tableRows().equals(List.of(List.of("one"))), "the second query's row");
    assertEquals(List.of("NAME"), page.tableHeaders());
    Poll.until(WAIT, () -> pushQueries(server).count() == 1, "the server to stop the first query");
    // The first query's socket closing must not end the second's table.
    assertEquals("Push query running…", browser.findElement(By.id("result-status")).getText());
    assertTrue(browser.findElement(By.id("stop")).isEnabled());
    page.screenshot("second-push-query");
    browser.findElement(By.id("stop")).click();
    page.waitForText(By.id("result-status"), "Push query stopped");
    Poll.until(WAIT, () -> pushQueries(server).count() == 0, "the server to stop the second query");
  }

  @Test
  void sqlErrorShowsTheServersMessageAndMarksItsLineAndColumnInTheEditor() {
    String stream = createNameStream("CONSOLE_ERRORS");
    // The failing statement starts on the editor's second line: the server's line 2 is the editor's line 3.
    page.type("SHOW STREAMS;\n"
        + "CREATE STREAM " + stream + "_OUT AS SELECT ID,\n"
        + "NO_SUCH_COLUMN\n"
        + "FROM " + stream + ";");
    assertEquals("error", page.runAndSettle());
    WebElement mark = page.waitFor(By.cssSelector(".CodeMirror .cm-sql-error"));
    assertEquals("NO_SUCH_COLUMN", mark.getText());
    assertEquals(2L, page.script("return window.sluiceConsole.editor.cm.getAllMarks()[0].find().from.line;"),
        "the mark is on the editor's third line");
    assertEquals(0L, page.script("return window.sluiceConsole.editor.cm.getAllMarks()[0].find().from.ch;"));
    WebElement error = page.lastEntry().findElement(By.className("error-msg"));
    assertTrue(error.getText().contains("NO_SUCH_COLUMN"), error.getText());
    assertTrue(error.getText().contains("line 3, column 1 in the editor"), error.getText());
    page.screenshot("error-marked");
  }

  @Test
  void ctrlEnterRunsOnlyTheStatementUnderTheCursor() {
    page.type("SHOW STREAMS;\nSHOW TOPICS;\n");
    page.editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
    int before = page.logEntries().size();
    assertEquals("ok", page.runAndSettle());
    assertEquals(before + 1, page.logEntries().size(), "one statement ran");
    assertEquals("SHOW STREAMS;", page.lastEntry().findElement(By.className("entry-sql")).getText());
    // After the last statement, in the blank line below it, the cursor belongs to that statement.
    page.editorInput().sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
    assertEquals("ok", page.runAndSettle());
    assertEquals("SHOW TOPICS;", page.lastEntry().findElement(By.className("entry-sql")).getText());
    page.screenshot("statement-under-cursor");
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
    page.waitFor(By.cssSelector(".CodeMirror"));
    Number loaded = (Number) page.script("const nav = performance.getEntriesByType('navigation')[0];"
        + "return nav.loadEventEnd > 0 ? nav.loadEventEnd - nav.startTime : null;");
    assertTrue(loaded != null && loaded.doubleValue() < 1000, "the page loaded in " + loaded + " ms");
  }
}
