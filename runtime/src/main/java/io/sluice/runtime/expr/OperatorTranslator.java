package io.sluice.runtime.expr;

import io.sluice.plan.expr.Call;

/** Generates the Java statements for one family of {@link io.sluice.plan.expr.Operator}s. */
interface OperatorTranslator {

  /** Appends statements computing {@code call} to {@code body} and returns where its value is. */
  Value translate(Call call, ExprTranslator translator, MethodBody body);
}
