package io.sluice.runtime.topology;

import io.sluice.plan.RowSchema;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.node.JoinKey;
import io.sluice.runtime.expr.ExpressionCompiler;
import io.sluice.runtime.expr.RowProjector;
import io.sluice.runtime.serde.KeyCodec;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Computes a join side's key from its row and serializes it as the join's key format says. */
final class JoinKeys {

  private final RowProjector expressions;
  private final KeyCodec codec;

  JoinKeys(RowProjector expressions, KeyCodec codec) {
    this.expressions = expressions;
    this.codec = codec;
  }

  /** The keys {@code expressions} compute over rows of {@code rows}, serialized as {@code key} says. */
  static JoinKeys of(List<Expr> expressions, RowSchema rows, JoinKey key) {
    return new JoinKeys(ExpressionCompiler.compileProjector(expressions, rows, new RowSchema(key.columns())),
        KeyCodec.of(key.columns(), key.format()));
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

  /**
   * The serialized join key of {@code record}'s row, or null when a key column is null or the key
   * cannot be computed, which is reported to {@code logger}.
   */
  byte[] ofOrLog(Record<?, ?> record, ProcessorContext<?, ?> context, ProcessingLogger logger) {
    try {
      return of((Object[]) record.value());
    } catch (RuntimeException e) {
      logger.log(context, ErrorType.EVALUATION_ERROR, "join key: " + Reasons.of(e), record.timestamp());
      return null;
    }
  }
}
