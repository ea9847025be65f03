package io.sluice.parser.ast;

/** What a SHOW or LIST statement lists. */
public enum ShowKind {
  STREAMS, TABLES, VIEWS, QUERIES, TOPICS, PROPERTIES, FUNCTIONS
}
