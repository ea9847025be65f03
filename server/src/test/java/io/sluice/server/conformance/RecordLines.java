package io.sluice.server.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Parses the record lines ({@code @TIMESTAMP [partition=N] [window=START,END] KEY | VALUE}) and processing-log lines
 * ({@code TYPE offset=N [partition=N] | REASON FRAGMENT}) of a case file.
 */
final class RecordLines {

  static final String NULL_VALUE = "<null>";
  private static final String RAW_KEY = "base64:";
  private static final String PARTITION = "partition=";
  private static final String OFFSET = "offset=";
  private static final String WINDOW = "window=";

  private RecordLines() {}

  static InputRecord input(String topic, String line) {
    Head head = head(line);
    String rest = head.rest();
    JsonNode key = null;
    byte[] rawKey = null;
    if (rest.startsWith(RAW_KEY)) {
      String token = firstWord(rest);
      rawKey = Base64.getDecoder().decode(token.substring(RAW_KEY.length()));
      rest = rest.substring(token.length());
    } else {
      KeyAndRest parsed = jsonKey(rest);
      key = parsed.key();
      rest = parsed.rest();
    }
    String value = valueText(rest);
    return new InputRecord(topic, head.timestamp(), head.partition() == null ? 0 : head.partition(), key, rawKey,
        NULL_VALUE.equals(value) ? null : value);
  }

  static ExpectedRecord output(String line) {
    Head head = head(line);
    KeyAndRest parsed = jsonKey(head.rest());
    String value = valueText(parsed.rest());
    return new ExpectedRecord(head.timestamp(), head.partition(), head.window(), parsed.key(),
        NULL_VALUE.equals(value) ? null : CanonicalJson.parse(value, "the expected value"));
  }

  static ExpectedLogEntry logEntry(String line) {
    int bar = line.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("expected 'TYPE offset=N [partition=N] | REASON FRAGMENT'");
    }
    String[] words = line.substring(0, bar).strip().split("\\s+");
    Long offset = null;
    int partition = 0;
    for (int i = 1; i < words.length; i++) {
      if (words[i].startsWith(OFFSET)) {
        offset = Long.parseLong(words[i].substring(OFFSET.length()));
      } else if (words[i].startsWith(PARTITION)) {
        partition = Integer.parseInt(words[i].substring(PARTITION.length()));
      } else {
        throw new IllegalArgumentException("unexpected '" + words[i] + "' in a log line");
      }
    }
    String fragment = line.substring(bar + 1).strip();
    if (offset == null || fragment.isEmpty()) {
      throw new IllegalArgumentException("a log line needs offset=N and a reason fragment after '|'");
    }
    return new ExpectedLogEntry(words[0], partition, offset, fragment);
  }

  private record Head(long timestamp, Integer partition, String window, String rest) {}

  private record KeyAndRest(JsonNode key, String rest) {}

  private static Head head(String line) {
    if (!line.startsWith("@")) {
      throw new IllegalArgumentException("a record line starts with @TIMESTAMP: '@TIMESTAMP [partition=N] KEY | VALUE'");
    }
    String timestamp = firstWord(line);
    String rest = line.substring(timestamp.length()).strip();
    Integer partition = null;
    if (rest.startsWith(PARTITION)) {
      String word = firstWord(rest);
      partition = Integer.parseInt(word.substring(PARTITION.length()));
      rest = rest.substring(word.length()).strip();
    }
    String window = null;
    if (rest.startsWith(WINDOW)) {
      String word = firstWord(rest);
      window = word.substring(WINDOW.length());
      if (!window.matches("\\d+,\\d+")) {
        throw new IllegalArgumentException("a window is written window=START,END in epoch milliseconds, not " + word);
      }
      rest = rest.substring(word.length()).strip();
    }
    return new Head(Long.parseLong(timestamp.substring(1)), partition, window, rest);
  }

  /** Reads one JSON value from the start of {@code text}; the rest must start with {@code |}. */
  private static KeyAndRest jsonKey(String text) {
    try (JsonParser parser = CanonicalJson.STREAMING.createParser(text)) {
      JsonNode key = CanonicalJson.STREAMING.readTree(parser);
      if (key == null) {
        throw new IllegalArgumentException("a record line needs a key (null for none) before '|'");
      }
      return new KeyAndRest(key, text.substring((int) parser.currentLocation().getCharOffset()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the key is not JSON (write 'KEY | VALUE', spaces around '|'): "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String valueText(String rest) {
    String stripped = rest.strip();
    if (!stripped.startsWith("|")) {
      throw new IllegalArgumentException("expected ' | VALUE' after the key, got '" + stripped + "'");
    }
    return stripped.substring(1).strip();
  }

  private static String firstWord(String text) {
    String[] words = text.split("\\s+", 2);
    return words[0];
  }
}
