package io.sluice.parser.ast;

/** The ksqlDB column types a declaration can name. */
public enum TypeKind {
  BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL, STRING, BYTES, DATE, TIME, TIMESTAMP, ARRAY, MAP, STRUCT
}
