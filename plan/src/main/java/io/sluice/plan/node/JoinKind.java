package io.sluice.plan.node;

import java.util.Set;

/** What a join joins, which decides its semantics, its state and the join types it allows. */
public enum JoinKind {
  /** Two streams, within a time window. */
  STREAM_STREAM(Set.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL)),
  /** A stream (left) looked up in a table (right) by the table's primary key. */
  STREAM_TABLE(Set.of(JoinType.INNER, JoinType.LEFT)),
  /** Two tables on both primary keys. */
  TABLE_TABLE(Set.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL)),
  /** A table (left) whose expression is the primary key of another table (right). */
  FOREIGN_KEY(Set.of(JoinType.INNER, JoinType.LEFT));

  private final Set<JoinType> types;

  JoinKind(Set<JoinType> types) {
    this.types = types;
  }

  public boolean allows(JoinType type) {
    return types.contains(type);
  }
}
