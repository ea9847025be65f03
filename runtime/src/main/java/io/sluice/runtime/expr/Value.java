package io.sluice.runtime.expr;

import io.sluice.plan.DataType;

/**
 * A computed expression inside generated code: {@code code} is a local variable or constant field
 * of {@code type}'s Java class, cheap to mention more than once. It may hold null unless
 * {@code neverNull}, which is known only for non-null constants.
 */
record Value(String code, DataType type, boolean neverNull) {

  Value(String code, DataType type) {
    this(code, type, false);
  }
}
