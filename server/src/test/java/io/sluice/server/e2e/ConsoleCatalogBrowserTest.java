package io.sluice.server.e2e;

import static io.sluice.server.e2e.ConsolePage.WAIT;
import static io.sluice.server.e2e.ConsolePage.pushQueries;
import static io.sluice.server.e2e.ConsolePage.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.testing.Poll;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's side panel, query page and connection in headless Chromium: sources, topics and
 * queries listed and opened, a query's graph, metrics, processing log, Explain and Terminate, push
 * queries closed from the panel or by leaving the page, the banner when the server goes away.
 * Screenshots: {@code server/target/console-screenshots/}.
 */
class ConsoleCatalogBrowserTest extends ConsoleBrowserTest {

  @Test
  void queryPageDrawsTheTopologyShowsLiveMetricsExplainsAndTerminates() {
    String stream = uniqueName("CONSOLE_VISITS");
    String table = stream + "_PER_PAGE";
    server.ok("CREATE STREAM " + stream + " (USER_ID STRING, PAGE STRING) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'home');"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u2', 'home');"
        + "INSERT INTO " + stream + " (USER_ID, PAGE) VALUES ('u1', 'cart');"
        + "CREATE TABLE " + table + " AS SELECT PAGE, COUNT(*) AS VIEWS FROM " + stream + " GROUP BY PAGE;");
    String queryId = "CTAS_" + table;
    browser.findElement(By.id("refresh")).click();
    page.waitForText(By.id("list-queries"), queryId);
    browser.findElement(By.xpath("//ul[@id='list-queries']//button[.//span[starts-with(text(),'" + queryId + "')]]"))
        .click();

    page.waitFor(By.cssSelector("#query-page .plan-graph"));
    assertTrue(browser.findElement(By.cssSelector("#query-page .query-sql")).getText().contains("GROUP BY PAGE"));
    List<String> kinds = browser.findElements(By.cssSelector("#query-page .plan-node")).stream()
        .map(node -> node.getAttribute("data-node")).toList();
    assertEquals(List.of("source", "aggregate", "project", "sink"), kinds);
    String sink = browser.findElement(By.cssSelector("#query-page .plan-node[data-node='sink']")).getText();
    assertTrue(sink.contains("topic "), "the sink's topic: " + sink);
    // Long names are cut in the boxes; each box's hover text has the node's fields whole.
    String source = (String) page.script(
        "return document.querySelector(\"#query-page .plan-node[data-node='source'] title\").textContent;");
    assertTrue(source.contains("\"sourceName\": \"" + stream + "\"") && source.contains(stream.toLowerCase()), source);
    String aggregate = browser.findElement(By.cssSelector("#query-page .plan-node[data-node='aggregate']")).getText();
    assertTrue(aggregate.contains("store "), "the aggregation's state store: " + aggregate);
    assertTrue(aggregate.contains("by PAGE: COUNT(*)"), "what the aggregation does: " + aggregate);
    String project = browser.findElement(By.cssSelector("#query-page .plan-node[data-node='project']")).getText();
    assertTrue(project.contains("PAGE, VIEWS"), "the projection's outputs: " + project);
    assertEquals(1, browser.findElements(By.cssSelector("#query-page .edge.repartition")).size(),
        "GROUP BY a value column repartitions the aggregation's input");
    // The metrics refresh on their own: the three records read and the two pages' counts written.
    page.waitForText(By.id("m-in"), "3");
    page.waitUntil(() -> Long.parseLong(browser.findElement(By.id("m-out")).getText().replace("–", "0")) >= 2,
        "records out to count the aggregation's output");
    assertEquals("0", browser.findElement(By.id("m-errors")).getText());
    // Each step shows the rows it passed on: three read, two groups' counts written (three updates).
    page.waitForText(By.cssSelector("#query-page .plan-node[data-node='source'] .node-count"), "3 out");
    page.waitUntil(() -> browser.findElement(By.cssSelector("#query-page .plan-node[data-node='sink'] .node-count"))
        .getText().matches("[23] out"), "the sink's rows out");
    // Everything inserted has been read: no lag; the aggregation's RocksDB store holds its counts.
    page.waitForText(By.id("m-lag"), "0");
    page.waitUntil(() -> browser.findElement(By.id("m-store")).getText().matches("[0-9.]+ (B|KB|MB)"),
        "the state store size to be measured");
    assertEquals("RUNNING", browser.findElement(By.cssSelector("#query-page .state")).getText());
    page.screenshot("query-page");

    // A record the query cannot read is skipped, counted and logged; the page lists it.
    Records.shared().produce(stream.toLowerCase(), List.of(Records.record(stream.toLowerCase(), null, "not json", 1L)));
    page.waitForText(By.id("m-errors"), "1");
    WebElement logged = page.waitFor(By.cssSelector("#query-page .processing-log table"));
    assertTrue(logged.getText().contains("source") && logged.getText().contains(stream.toLowerCase() + " [0] @3"),
        logged.getText());
    page.screenshot("query-processing-log");

    browser.findElement(By.xpath("//div[@class='query-head']/button[text()='Explain']")).click();
    page.waitForText(By.id("query-page"), "Sub-topology: 0");
    page.screenshot("query-explained");

    browser.findElement(By.xpath("//div[@class='query-head']/button[text()='Terminate']")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
    page.waitForText(By.cssSelector("#query-page .state"), "TERMINATED");
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.not(
        ExpectedConditions.textToBePresentInElementLocated(By.id("list-queries"), queryId)));
    assertTrue(server.ok("SHOW QUERIES;").toString().indexOf(queryId) < 0, "the server no longer runs the query");
    page.screenshot("query-terminated");

    browser.findElement(By.xpath("//div[@class='query-head']/button[contains(text(),'Editor')]")).click();
    page.waitFor(By.cssSelector(".CodeMirror"));
  }

  @Test
  void leavingThePageStopsItsPushQueryOnTheServer() {
    String stream = createNameStream("CONSOLE_LEAVE");
    startPushQuery(stream);
    page.screenshot("push-query-running");
    browser.get("about:blank");
    Poll.until(WAIT, () -> pushQueries(server).count() == 0, "the server to stop the query of the page that was left");
  }

  @Test
  void pushQueryListedInTheSidePanelCanBeClosedFromThere() {
    String stream = createNameStream("CONSOLE_CLOSE");
    startPushQuery(stream);
    browser.findElement(By.id("refresh")).click();
    By pushItem = By.xpath("//ul[@id='list-queries']//button[.//span[starts-with(text(),'transient_" + stream + "')]]");
    page.waitFor(pushItem).click();
    WebElement close = page.waitFor(By.xpath("//div[@id='log']/div[last()]//button[text()='Close query']"));
    String entry = page.lastEntry().getText();
    assertTrue(entry.contains("SELECT * FROM " + stream + " EMIT CHANGES;"), entry);
    page.screenshot("push-query-in-side-panel");
    close.click();
    page.waitForText(By.id("result-status"), "Push query ended");
    Poll.until(WAIT, () -> pushQueries(server).count() == 0, "the server to stop the closed query");
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(pushItem));
    page.screenshot("push-query-closed");
  }

  @Test
  void sidePanelListsSourcesAndClickingOneShowsItsSchemaTopicAndFormats() {
    String stream = uniqueName("CONSOLE_BROWSE");
    server.ok("CREATE STREAM " + stream + " (ID BIGINT KEY, NAME STRING, SCORE DOUBLE) WITH (KAFKA_TOPIC='"
        + stream.toLowerCase() + "', PARTITIONS=1, VALUE_FORMAT='JSON');");
    StringBuilder inserts = new StringBuilder();
    for (int id = 1; id <= 12; id++) {
      inserts.append("INSERT INTO ").append(stream).append(" (ID, NAME, SCORE) VALUES (").append(id).append(", 'n")
          .append(id).append("', 0.5);");
    }
    server.ok(inserts.toString());
    browser.findElement(By.id("refresh")).click();
    page.waitForText(By.id("list-streams"), stream);
    page.waitForText(By.id("list-topics"), stream.toLowerCase());

    // A topic shows its latest ten records (PRINT ... LAST 10), then follows it.
    browser.findElement(By.xpath("//ul[@id='list-topics']//button[.//span[text()='" + stream.toLowerCase() + "']]"))
        .click();
    WebElement printed = page.waitFor(By.cssSelector("#log .entry:last-child pre.print"));
    new WebDriverWait(browser, WAIT).until(driver -> printed.getText().contains("\"NAME\":\"n12\""));
    String latest = printed.getText();
    assertTrue(latest.contains("key: 3, value:"), latest);
    assertFalse(latest.contains("key: 2, value:") || latest.contains("key: 1, value:"), "only the latest ten: " + latest);
    server.ok("INSERT INTO " + stream + " (ID, NAME, SCORE) VALUES (13, 'n13', 0.5);");
    new WebDriverWait(browser, WAIT).until(driver -> printed.getText().contains("\"NAME\":\"n13\""));
    page.screenshot("topic-followed");
    browser.findElement(By.cssSelector("#log .entry:last-child button.print-stop")).click();
    page.waitForText(By.cssSelector("#log .entry:last-child .print-status"), "Stopped.");
    page.screenshot("topic-printed");

    browser.findElement(By.xpath("//ul[@id='list-streams']//button[.//span[text()='" + stream + "']]")).click();
    WebElement describe = page.waitFor(By.cssSelector("#log .entry:last-child .describe"));
    String text = describe.getText();
    assertTrue(text.contains("STREAM " + stream), text);
    assertTrue(text.contains(stream.toLowerCase()), "the topic: " + text);
    assertTrue(text.contains("JSON") && text.contains("KAFKA"), "the formats: " + text);
    assertTrue(text.contains("SCORE") && text.contains("DOUBLE"), "the columns: " + text);
    page.screenshot("source-described");

    // Ctrl+Space completes the stream's name, once the refresh has described the sources.
    String prefix = stream.substring(0, stream.length() - 2);
    page.type("SELECT * FROM " + prefix);
    List<String> offered = page.completions(stream);
    page.screenshot("completion");
    assertEquals(stream, offered.get(0), "the only name with that prefix: " + offered);
    page.editorInput().sendKeys(Keys.ENTER);
    assertEquals("SELECT * FROM " + stream, page.script("return window.sluiceConsole.editor.cm.getValue();"));
  }

  @Test
  void bannerShowsWhenTheServerCannotBeReached() {
    TestServer doomed = TestServer.start();
    try {
      page.open(doomed.url());
    } finally {
      doomed.close();
    }
    WebElement banner = page.waitFor(By.id("banner"));
    assertTrue(banner.getText().contains("Cannot reach the Sluice server"), banner.getText());
    page.screenshot("server-unreachable");
  }
}
