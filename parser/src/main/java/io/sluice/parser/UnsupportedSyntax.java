package io.sluice.parser;

import io.sluice.parser.impl.Token;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes ksqlDB syntax Sluice does not parse yet behind a syntax error, so that the user hears
 * "not supported yet" rather than a puzzling "unexpected token".
 */
final class UnsupportedSyntax {

  private static final Set<String> VARIABLE_STATEMENTS = Set.of("DEFINE", "UNDEFINE");

  private UnsupportedSyntax() {}

  /** A construct that is not supported yet, and the token it starts at. */
  record Recognized(String message, Token at) {}

  /** The "not supported yet" construct the parse failed in, if it is one we know. */
  static Optional<Recognized> recognize(Token statementStart, Token unexpected) {
    for (Token token : new Token[] {statementStart, unexpected}) {
      if (token != null && VARIABLE_STATEMENTS.contains(upper(token))) {
        return Optional.of(new Recognized("Variables (DEFINE and UNDEFINE) are not supported yet", token));
      }
    }
    return Optional.empty();
  }

  private static String upper(Token token) {
    return token.image == null ? "" : token.image.toUpperCase(Locale.ROOT);
  }
}
