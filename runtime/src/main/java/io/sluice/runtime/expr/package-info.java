/**
 * Compiles plan expressions into bytecode with Janino: {@link io.sluice.runtime.expr.ExpressionCompiler}
 * writes one Java class per filter or projection from the operator translators in this package, and
 * the generated code calls the helpers of {@code io.sluice.runtime.expr.functions}.
 */
package io.sluice.runtime.expr;
