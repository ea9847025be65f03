package io.sluice.runtime.aggregate;

/**
 * What one input change does to its group: the argument values of a row taken out (the old
 * version of an updated or deleted TABLE row) and of a row added. Either may be null; when a table
 * row changes within its group both are set, so the group is updated once, never emptied in between.
 *
 * @param removed one value per aggregate that has an argument, in aggregate order, or null
 * @param added likewise, or null
 */
public record AggregateInput(Object[] removed, Object[] added) {

  /** A row added to its group, as every row of a stream is. */
  public static AggregateInput adding(Object[] arguments) {
    return new AggregateInput(null, arguments);
  }
}
