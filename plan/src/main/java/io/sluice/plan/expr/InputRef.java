package io.sluice.plan.expr;

import io.sluice.plan.DataType;

/** A reference to the column at {@code index} of the input row. */
public record InputRef(int index, DataType type) implements Expr {}
