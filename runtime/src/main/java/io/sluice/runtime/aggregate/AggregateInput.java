package io.sluice.runtime.aggregate;

/**
 * What one input row contributes to its group: the value of each aggregate argument, and whether the
 * row is being added or, for a TABLE input, taken back out (the old version of an updated or
 * deleted row).
 *
 * @param arguments one value per aggregate that has an argument, in aggregate order
 * @param retraction true if the row is to be undone
 */
public record AggregateInput(Object[] arguments, boolean retraction) {}
