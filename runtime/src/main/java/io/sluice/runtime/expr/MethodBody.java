package io.sluice.runtime.expr;

import io.sluice.plan.DataType;
import io.sluice.plan.expr.Call;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements of one generated method, with fresh local variable names and indentation, and the
 * calls already computed where the code being written can see them, so that a subexpression that
 * occurs twice (Nexmark q21's {@code lower(channel)} in each WHEN) is computed once per row.
 */
final class MethodBody {

  private final StringBuilder code = new StringBuilder();
  private int indent = 2;
  private int locals;
  /**
   * Per open block, innermost first, the calls computed in it. A value computed in a block is seen
   * only by code in that block and the blocks it opens, where it is declared and already assigned.
   */
  private final Deque<Map<Call, Value>> computed = new ArrayDeque<>();
  /** Where a fused filter's condition leaves the calls it computes, or null. */
  private final ScratchCalls publishTo;
  /** Where the projection compiled with a filter finds the calls the condition computed, or null. */
  private final ScratchCalls readFrom;

  MethodBody() {
    this(null, null);
  }

  private MethodBody(ScratchCalls publishTo, ScratchCalls readFrom) {
    this.publishTo = publishTo;
    this.readFrom = readFrom;
    computed.push(new HashMap<>());
  }

  /** The body of a filter's condition that leaves every call it computes in {@code scratch}. */
  static MethodBody publishing(ScratchCalls scratch) {
    return new MethodBody(scratch, null);
  }

  /** The body of a projection column that finds the calls its filter's condition computed in {@code scratch}. */
  static MethodBody reading(ScratchCalls scratch) {
    return new MethodBody(null, scratch);
  }

  ScratchCalls publishTo() {
    return publishTo;
  }

  ScratchCalls readFrom() {
    return readFrom;
  }

  /** Whether code written now runs on every execution of the method (it is in no block). */
  boolean atTopLevel() {
    return computed.size() == 1;
  }

  /** Where {@code call}'s value already is at this point of the method, or null. */
  Value computed(Call call) {
    for (Map<Call, Value> block : computed) {
      Value value = block.get(call);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Records that {@code call}'s value is in {@code value} from here to the end of the current block. */
  void remember(Call call, Value value) {
    computed.peek().put(call, value);
  }

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
    computed.push(new HashMap<>());
  }

  /** Ends the current block and starts its else block. */
  void orElse() {
    indent--;
    line("} else {");
    indent++;
    computed.pop();
    computed.push(new HashMap<>());
  }

  void close() {
    indent--;
    line("}");
    computed.pop();
  }

  String code() {
    return code.toString();
  }
}
