package io.sluice.runtime.expr;

import io.sluice.plan.expr.Call;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The calls a filter's condition computes, handed to the projection compiled with it through a
 * per-row scratch array (see {@link FilteredProjector}): each call has a slot, written where the
 * condition computes it. A slot written at the condition's top level is always set when the
 * projection runs; one written inside a branch (the second operand of an OR that stopped at the
 * first) may still hold {@link FilteredProjector#UNSET}, and the projection then computes the call itself.
 */
final class ScratchCalls {

  private final Map<Call, Integer> slots = new HashMap<>();
  private final Set<Call> alwaysSet = new HashSet<>();

  /** Writes {@code value}, just computed for {@code call} in the condition, to the call's slot. */
  void publish(Call call, Value value, MethodBody body) {
    int slot = slots.computeIfAbsent(call, c -> slots.size());
    body.line("scratch[" + slot + "] = " + value.code() + ";");
    if (body.atTopLevel()) {
      alwaysSet.add(call);
    }
  }

  /** The call's slot, or -1 if the condition never computes it. */
  int slotOf(Call call) {
    return slots.getOrDefault(call, -1);
  }

  /** Whether the condition computes {@code call} on every row it finishes. */
  boolean alwaysSet(Call call) {
    return alwaysSet.contains(call);
  }

  int size() {
    return slots.size();
  }
}
