package io.sluice.runtime.expr;

import io.sluice.plan.Column;
import io.sluice.plan.RowSchema;
import io.sluice.plan.TypeName;
import io.sluice.plan.expr.Expr;
import io.sluice.plan.expr.InputRef;
import io.sluice.runtime.UnsupportedPlanException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles plan expressions into JVM bytecode, once per query: it writes the Java source of a
 * {@link RowPredicate} or {@link RowProjector} class, compiles it with Janino and instantiates it.
 * Literals are parsed, and LIKE patterns given as literals compiled, at this point and held in final
 * fields; nothing is interpreted per row. The generated objects are stateless and thread-safe.
 *
 * <p>Unsupported expressions (an impossible CAST, an operator applied to the wrong types) are
 * refused with an {@link UnsupportedPlanException} before any code runs.
 */
public final class ExpressionCompiler {

  private static final Logger LOG = LoggerFactory.getLogger(ExpressionCompiler.class);
  private static final AtomicLong COMPILED_CLASSES = new AtomicLong();

  private ExpressionCompiler() {}

  /** Compiles a BOOLEAN expression over rows of {@code input}; NULL counts as false. */
  public static RowPredicate compilePredicate(Expr predicate, RowSchema input) {
    if (predicate.type().name() != TypeName.BOOLEAN) {
      throw new UnsupportedPlanException("a filter condition must be BOOLEAN, got " + predicate.type().sql());
    }
    ClassSource cls = new ClassSource();
    ExprTranslator translator = new ExprTranslator(cls, input);
    MethodBody body = new MethodBody();
    Value value = translator.translate(predicate, body);
    cls.addMethod("  public boolean test(Object[] row) {\n" + body.code()
        + "    return " + value.code() + " != null && " + value.code() + ".booleanValue();\n  }");
    return instantiate(cls, "SluicePredicate", RowPredicate.class);
  }

  /**
   * Compiles {@code expressions} over rows of {@code input} into a projector whose output row has
   * the columns of {@code output}, {@code expressions.get(i)} giving column {@code i}, converted to
   * that column's type. A failure is reported as an {@link EvaluationException} naming the column.
   */
  public static RowProjector compileProjector(List<Expr> expressions, RowSchema input, RowSchema output) {
    ClassSource cls = new ClassSource();
    ExprTranslator translator = new ExprTranslator(cls, input);
    cls.addMethod(projection(cls, translator, expressions, input, output, null, "apply(Object[] row)", "row"));
    return instantiate(cls, "SluiceProjector", RowProjector.class);
  }

  /**
   * Compiles a filter's {@code predicate} and the {@code expressions} of the projection that reads
   * its rows into one class (see {@link #compileProjector} and {@link #compilePredicate}), where the
   * projection reuses the calls the predicate computed.
   */
  public static FilteredProjector compileFilteredProjector(Expr predicate, List<Expr> expressions, RowSchema input,
      RowSchema output) {
    if (predicate.type().name() != TypeName.BOOLEAN) {
      throw new UnsupportedPlanException("a filter condition must be BOOLEAN, got " + predicate.type().sql());
    }
    ClassSource cls = new ClassSource();
    ExprTranslator translator = new ExprTranslator(cls, input);
    ScratchCalls scratch = new ScratchCalls();
    MethodBody body = MethodBody.publishing(scratch);
    Value value = translator.translate(predicate, body);
    cls.addMethod("  public Object[] scratch() {\n    Object[] scratch = new Object[" + scratch.size() + "];\n"
        + "    java.util.Arrays.fill(scratch, " + FilteredProjector.class.getName() + ".UNSET);\n"
        + "    return scratch;\n  }");
    cls.addMethod("  public boolean test(Object[] row, Object[] scratch) {\n" + body.code()
        + "    return " + value.code() + " != null && " + value.code() + ".booleanValue();\n  }");
    cls.addMethod(projection(cls, translator, expressions, input, output, scratch,
        "apply(Object[] row, Object[] scratch)", "row, scratch"));
    return instantiate(cls, "SluiceFilteredProjector", FilteredProjector.class);
  }

  /**
   * The public method {@code signature} computing the output row, one private method per computed
   * column (taking {@code arguments}), which read the calls a fused filter's condition computed from
   * {@code scratch} (null when there is no filter).
   */
  private static String projection(ClassSource cls, ExprTranslator translator, List<Expr> expressions,
      RowSchema input, RowSchema output, ScratchCalls scratch, String signature, String arguments) {
    if (expressions.size() != output.size()) {
      throw new UnsupportedPlanException(
          expressions.size() + " expressions for " + output.size() + " output columns");
    }
    String parameters = signature.substring(signature.indexOf('('));
    StringBuilder apply = new StringBuilder("  public Object[] ").append(signature).append(" {\n")
        .append("    Object[] out = new Object[").append(output.size()).append("];\n");
    for (int i = 0; i < expressions.size(); i++) {
      Expr expr = expressions.get(i);
      Column column = output.column(i);
      if (isPlainCopy(expr, input, column)) {
        apply.append("    out[").append(i).append("] = row[").append(((InputRef) expr).index()).append("];\n");
        continue;
      }
      String method = cls.newMethodName();
      MethodBody body = scratch == null ? new MethodBody() : MethodBody.reading(scratch);
      Value value = translator.convert(translator.translate(expr, body), column.type(), body);
      cls.addMethod("  private Object " + method + parameters + " {\n" + body.code()
          + "    return " + value.code() + ";\n  }");
      String name = cls.constant(column.name(), "String");
      apply.append("    try {\n      out[").append(i).append("] = ").append(method).append("(").append(arguments)
          .append(");\n")
          .append("    } catch (RuntimeException e) {\n")
          .append("      throw io.sluice.runtime.expr.EvaluationException.inColumn(").append(name).append(", e);\n")
          .append("    }\n");
    }
    return apply.append("    return out;\n  }").toString();
  }

  /** How many classes this JVM has generated so far; expression compilation is counted here. */
  public static long compiledClassCount() {
    return COMPILED_CLASSES.get();
  }

  private static boolean isPlainCopy(Expr expr, RowSchema input, Column column) {
    return expr instanceof InputRef ref
        && ref.index() >= 0
        && ref.index() < input.size()
        && input.column(ref.index()).type().equals(column.type());
  }

  private static <T> T instantiate(ClassSource cls, String prefix, Class<T> type) {
    String className = prefix + COMPILED_CLASSES.incrementAndGet();
    String source = cls.render(className, type);
    LOG.debug("compiling {}:\n{}", className, source);
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(ExpressionCompiler.class.getClassLoader());
    try {
      compiler.cook(source);
      Class<?> compiled = compiler.getClassLoader().loadClass(className);
      return type.cast(compiled.getConstructor(Object[].class).newInstance((Object) cls.constants()));
    } catch (CompileException | ReflectiveOperationException e) {
      throw new IllegalStateException("generated expression code is broken: " + e.getMessage() + "\n" + source, e);
    }
  }
}
