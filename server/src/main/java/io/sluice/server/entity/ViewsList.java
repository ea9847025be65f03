package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW VIEWS: each view's name, its columns as SQL, and the statement that defined it. */
public record ViewsList(String statementText, List<View> views, List<String> warnings) implements KsqlEntity {

  /** One view. */
  public record View(String name, String type, String columns, String statement) {}
}
