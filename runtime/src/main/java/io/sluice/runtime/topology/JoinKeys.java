package io.sluice.runtime.topology;

import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.serde.KeyCodec;

/** Computes a join side's key from its row and serializes it as the join's key format says. */
final class JoinKeys {

  private final RowProjector expressions;
  private final KeyCodec codec;

  JoinKeys(RowProjector expressions, KeyCodec codec) {
    this.expressions = expressions;
    this.codec = codec;
  }

  /** The serialized join key of {@code row}, or null when a key column is null (the row joins nothing). */
  byte[] of(Object[] row) {
    Object[] values = expressions.apply(row);
    for (Object value : values) {
      if (value == null) {
        return null;
      }
    }
    return codec.serialize(values);
  }
}
