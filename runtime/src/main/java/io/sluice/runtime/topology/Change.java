package io.sluice.runtime.topology;

/**
 * One change of a table read from its changelog: the key's row before and after. {@code oldRow} is
 * null for an insert and {@code newRow} null for a delete; never both.
 */
record Change(Object[] oldRow, Object[] newRow) {}
