package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW PROPERTIES: the server's settings in force. */
public record PropertiesList(String statementText, List<Property> properties, List<String> warnings) implements KsqlEntity {

  /** One setting. */
  public record Property(String name, String scope, String value) {}
}
