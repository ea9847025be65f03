package io.sluice.plan;

/** Whether a source is an append-only stream or a changelog table keyed by its primary key. */
public enum SourceType {
  STREAM,
  TABLE
}
