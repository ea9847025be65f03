package io.sluice.runtime.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java source of one generated class under construction: constant fields, set from an
 * {@code Object[]} given to the constructor, and helper methods.
 */
final class ClassSource {

  private final List<Object> constants = new ArrayList<>();
  private final StringBuilder fields = new StringBuilder();
  private final StringBuilder assignments = new StringBuilder();
  private final StringBuilder methods = new StringBuilder();
  private int methodCount;

  /** A final field holding {@code value}, declared as {@code javaType}; returns the field's name. */
  String constant(Object value, String javaType) {
    String name = "k" + constants.size();
    constants.add(value);
    fields.append("  private final ").append(javaType).append(' ').append(name).append(";\n");
    assignments.append("    this.").append(name).append(" = (").append(javaType).append(") constants[")
        .append(constants.size() - 1).append("];\n");
    return name;
  }

  String newMethodName() {
    return "e" + methodCount++;
  }

  void addMethod(String code) {
    methods.append(code).append('\n');
  }

  Object[] constants() {
    return constants.toArray();
  }

  String render(String className, Class<?> implemented) {
    return "public final class " + className + " implements " + implemented.getName() + " {\n"
        + fields
        + "\n  public " + className + "(Object[] constants) {\n" + assignments + "  }\n\n"
        + methods
        + "}\n";
  }
}
