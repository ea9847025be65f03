package io.sluice.parser;

import io.sluice.parser.impl.Token;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Explains a ksqlDB WINDOW clause that Calcite's grammar read as its own named-window clause,
 * which happens when the clause is out of place or names a kind ksqlDB does not have: the
 * parse then fails at the "(" after {@code WINDOW word}.
 */
final class MisplacedWindow {

  private static final Set<String> KINDS = Set.of("TUMBLING", "HOPPING", "SESSION");

  private MisplacedWindow() {}

  /** A message and the token it is about. */
  record Explained(String message, Token at) {}

  static Optional<Explained> explain(Token statementStart, Token unexpected) {
    if (statementStart == null || !"(".equals(unexpected.image)) {
      return Optional.empty();
    }
    for (Token token = statementStart; token != null && token.next != null
        && token.next != unexpected; token = token.next) {
      if (token.next.next == unexpected && "WINDOW".equals(upper(token))) {
        final Token kind = token.next;
        if (KINDS.contains(upper(kind))) {
          return Optional.of(new Explained(
              "the WINDOW clause goes right after FROM and its joins, before WHERE", token));
        }
        return Optional.of(new Explained("unknown window kind '" + kind.image
            + "'. Expected TUMBLING, HOPPING or SESSION", kind));
      }
    }
    return Optional.empty();
  }

  private static String upper(Token token) {
    return token.image == null ? "" : token.image.toUpperCase(Locale.ROOT);
  }
}
