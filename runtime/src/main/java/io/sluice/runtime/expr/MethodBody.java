package io.sluice.runtime.expr;

import io.sluice.plan.DataType;

/** The statements of one generated method, with fresh local variable names and indentation. */
final class MethodBody {

  private final StringBuilder code = new StringBuilder();
  private int indent = 2;
  private int locals;

  /** Declares a new local of {@code type}'s class set to {@code initial}; returns its name. */
  String local(DataType type, String initial) {
    String name = "v" + locals++;
    line(JavaTypes.name(type) + " " + name + " = " + initial + ";");
    return name;
  }

  void line(String statement) {
    code.append("  ".repeat(indent)).append(statement).append('\n');
  }

  /** Starts a block, such as {@code if (x != null)}. */
  void open(String header) {
    line(header + " {");
    indent++;
  }

  /** Ends the current block and starts its else block. */
  void orElse() {
    indent--;
    line("} else {");
    indent++;
  }

  void close() {
    indent--;
    line("}");
  }

  String code() {
    return code.toString();
  }
}
