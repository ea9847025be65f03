package io.sluice.server.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON exactly and prints it in one canonical form, so that structurally equal keys and
 * values print alike: object fields sorted by name, numbers by value ({@code 1.50} prints as {@code 1.5}).
 */
final class CanonicalJson {

  /** Reads numbers without rounding, and refuses anything after the first JSON value of a text. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads numbers without rounding, and leaves what follows a value to the caller. */
  static final ObjectMapper STREAMING = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CanonicalJson() {}

  /** Parses {@code text} as one JSON value, naming {@code what} if it is not. */
  static JsonNode parse(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException(what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
    }
  }

  /** Parses bytes as one JSON value, or returns null if they are not JSON. */
  static JsonNode parseOrNull(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String render(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(TextNode.valueOf(names.get(i))).append(": ");
          write(node.get(names.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(node.get(i), out);
        }
        out.append(']');
      }
      case NUMBER -> out.append(node.decimalValue().stripTrailingZeros().toPlainString());
      default -> out.append(node);
    }
  }
}
