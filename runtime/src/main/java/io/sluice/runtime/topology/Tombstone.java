package io.sluice.runtime.topology;

/**
 * The deletion of a result row of an aggregation, flowing where rows flow: {@code row} holds at
 * least the key (and window) columns of the deleted row, the rest may be null. A sink writes it as
 * the key with a null value.
 */
record Tombstone(Object[] row) {}
