package io.sluice.parser.ast;

/** The key marker written after a column's type in CREATE STREAM or CREATE TABLE. */
public enum ColumnConstraint {
  /** A value column. */
  NONE,
  /** {@code KEY}: the column is read from the record key (streams). */
  KEY,
  /** {@code PRIMARY KEY}: the column is the record key and the table's primary key (tables). */
  PRIMARY_KEY
}
