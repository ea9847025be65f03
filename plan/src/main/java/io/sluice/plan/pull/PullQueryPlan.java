package io.sluice.plan.pull;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.plan.RowSchema;
import io.sluice.plan.SourceType;
import io.sluice.plan.expr.Expr;
import java.util.List;
import java.util.Objects;

/**
 * The plan of one pull query: which rows of a stream or table to read and how to shape them.
 *
 * <p>{@code input} is the schema of the rows the filter and projection read: for a table its key
 * columns, then WINDOWSTART and WINDOWEND for a windowed table (unless the table has columns of
 * those names), then its value columns; for a stream its key, value and pseudo columns.
 *
 * <p>{@code keyLookups} lists the key tuples the query asks for (each in key column order, each
 * value a constant expression converted to its key column's type), or is empty when the WHERE
 * does not pin the whole key. {@code keyLower}/{@code keyUpper} bound a single-column key, and the
 * {@code windowStart*}/{@code windowEnd*} bounds the windows; all of these only narrow what is
 * read: the conditions they come from stay in {@code filter}, which every row read must pass
 * (null: no condition). Key lookups are the exception: their conditions are left out of
 * {@code filter}, so a reader that cannot look keys up must match them itself.
 *
 * @param limit the most rows to return, or null for all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullQueryPlan(
    String sourceName,
    SourceType sourceType,
    RowSchema input,
    List<List<Expr>> keyLookups,
    RangeBound keyLower,
    RangeBound keyUpper,
    RangeBound windowStartLower,
    RangeBound windowStartUpper,
    RangeBound windowEndLower,
    RangeBound windowEndUpper,
    Expr filter,
    List<Expr> projection,
    RowSchema schema,
    Long limit) {

  public PullQueryPlan {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(input, "input");
    keyLookups = keyLookups.stream().map(List::copyOf).toList();
    projection = List.copyOf(projection);
    if (projection.size() != schema.size()) {
      throw new IllegalArgumentException(projection.size() + " expressions for " + schema.size() + " columns");
    }
  }

  /** True if the query names the keys it reads rather than scanning. */
  public boolean looksUpKeys() {
    return !keyLookups.isEmpty();
  }

  /** True if the query bounds the key with a range. */
  public boolean hasKeyRange() {
    return keyLower != null || keyUpper != null;
  }
}
