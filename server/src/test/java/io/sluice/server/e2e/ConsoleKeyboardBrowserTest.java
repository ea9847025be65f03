package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console from the keyboard alone, and its completion of aliases' columns and functions, in
 * headless Chromium. Screenshots: {@code server/target/console-screenshots/}.
 */
class ConsoleKeyboardBrowserTest extends ConsoleBrowserTest {

  /** More than the page's controls before the side panel's lists: the top bar's and the panel's own. */
  private static final int MAX_TABS = 40;

  @Test
  void keyboardAloneRunsAStatementRefreshesTheSidePanelAndOpensASource() {
    String stream = createNameStream("CONSOLE_KEYS");
    page.type("SHOW STREAMS;");
    assertEquals("ok", page.runAndSettle());
    assertTrue(page.lastEntry().getText().contains(stream), page.lastEntry().getText());

    // Esc leaves the editor (Tab inside it indents); Tab then walks the page's controls.
    page.editorInput().sendKeys(Keys.ESCAPE);
    tabTo("⟳ Refresh").sendKeys(Keys.ENTER);
    page.waitForText(By.id("list-streams"), stream);
    WebElement item = tabTo(stream);
    page.screenshot("source-focused");
    item.sendKeys(Keys.ENTER);
    WebElement describe = page.waitFor(By.cssSelector("#log .entry:last-child .describe"));
    assertTrue(describe.getText().contains("STREAM " + stream), describe.getText());
    page.screenshot("source-opened-by-keyboard");
  }

  @Test
  void completionOffersAnAliasesColumnsAndTheServersFunctions() {
    String stream = createNameStream("CONSOLE_ALIAS");
    // The page's first refresh may have come before the stream: the editor learns columns from the side panel.
    browser.findElement(By.id("refresh")).click();
    page.waitForText(By.id("list-streams"), stream);
    page.type("SELECT * FROM " + stream + " o WHERE o.NA");
    List<String> columns = page.completions("o.NAME");
    page.screenshot("alias-completed");
    page.editorInput().sendKeys(Keys.ENTER);
    assertEquals("SELECT * FROM " + stream + " o WHERE o.NAME", editorText(), "offered: " + columns);

    page.type("SELECT UCA");
    List<String> functions = page.completions("UCASE()");
    page.screenshot("function-completed");
    page.editorInput().sendKeys(Keys.ENTER);
    assertEquals("SELECT UCASE", editorText(), "offered: " + functions);
  }

  /** Presses Tab until the focused control's text contains {@code text}; returns it. */
  private static WebElement tabTo(String text) {
    for (int i = 0; i < MAX_TABS; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement focused = browser.switchTo().activeElement();
      if (focused.getText().contains(text)) {
        return focused;
      }
    }
    throw new AssertionError("Tab did not reach a control saying " + text + " in " + MAX_TABS + " presses");
  }

  private static Object editorText() {
    return page.script("return window.sluiceConsole.editor.cm.getValue();");
  }
}
