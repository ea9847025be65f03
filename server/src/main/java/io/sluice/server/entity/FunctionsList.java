package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW FUNCTIONS. */
public record FunctionsList(String statementText, List<Function> functions, List<String> warnings) implements KsqlEntity {

  /** One function. */
  public record Function(String name, String type, String category) {}
}
