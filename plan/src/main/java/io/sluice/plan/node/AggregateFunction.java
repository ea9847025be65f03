package io.sluice.plan.node;

/**
 * The aggregate functions, with their semantics; docs/sql.md states the same for users.
 *
 * <p>Arguments are expressions over the aggregation's input row; constant arguments (TOPK's k,
 * LATEST_BY_OFFSET's ignore-nulls flag) are literals. Unless noted, a null argument value is
 * skipped. A group exists once a row arrives for it, so every function sees at least one row.
 * "Tables" says whether the function can undo a row, which aggregating a TABLE needs: the old
 * version of an updated or deleted row is taken out of its group's result.
 */
public enum AggregateFunction {
  /** COUNT(*) (no argument): the number of rows. COUNT(x): the number of non-null x. BIGINT. Tables. */
  COUNT(true),
  /** SUM(x): the sum of the non-null x, in x's numeric type; 0 when every x is null (as ksqlDB). Tables. */
  SUM(true),
  /** AVG(x): the mean of the non-null x, as DOUBLE; null when every x is null. Tables. */
  AVG(true),
  /** MIN(x): the least non-null x, in x's type (numbers, strings, dates and times); null if none. Streams only. */
  MIN(false),
  /** MAX(x): the greatest non-null x; null if none. Streams only. */
  MAX(false),
  /** COUNT_DISTINCT(x): the exact number of distinct non-null x. BIGINT. Tables. */
  COUNT_DISTINCT(true),
  /**
   * LATEST_BY_OFFSET(x [, ignoreNulls]): x of the last row processed; with ignoreNulls (the default,
   * TRUE) the last non-null x. In x's type. Streams only.
   */
  LATEST_BY_OFFSET(false),
  /** EARLIEST_BY_OFFSET(x [, ignoreNulls]): x of the first row processed, likewise. Streams only. */
  EARLIEST_BY_OFFSET(false),
  /**
   * COLLECT_LIST(x): ARRAY of every x in processing order, nulls included, at most 1000 elements
   * (later ones are ignored, as ksqlDB's default limit). Tables (undo removes one occurrence).
   */
  COLLECT_LIST(true),
  /** COLLECT_SET(x): ARRAY of the distinct x, nulls included, in first-seen order, at most 1000. Tables. */
  COLLECT_SET(true),
  /** TOPK(x, k): ARRAY of the k greatest non-null x, greatest first, duplicates kept. Streams only. */
  TOPK(false),
  /** TOPKDISTINCT(x, k): ARRAY of the k greatest distinct non-null x, greatest first. Streams only. */
  TOPKDISTINCT(false),
  /**
   * HISTOGRAM(x): MAP from each distinct non-null STRING x to how many rows had it (BIGINT), in
   * first-seen order, at most 1000 entries. Tables (a count that falls to 0 removes the entry).
   */
  HISTOGRAM(true),
  /** STDDEV_SAMP(x): the sample standard deviation of the non-null numeric x, as DOUBLE; null below two values. Tables. */
  STDDEV_SAMP(true);

  private final boolean undoable;

  AggregateFunction(boolean undoable) {
    this.undoable = undoable;
  }

  /** True if a row can be taken back out of a result, as aggregating a TABLE needs. */
  public boolean undoable() {
    return undoable;
  }
}
