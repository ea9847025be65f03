package io.sluice.bench.nexmark.twin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every hand-written twin, by query name. */
public final class Twins {

  private static final Map<String, Twin> BY_NAME = List.of(
          new Q0(), new Q1(), new Q2(), new Q3(), new Q5(), new Q7(), new Q8(), new Q12(), new Q14(), new Q17(),
          new Q20(), new Q21(), new Q22())
      .stream().collect(Collectors.toMap(Twin::name, Function.identity()));

  private Twins() {}

  /** The twin of query {@code name} ({@code q0} ...). */
  public static Twin named(String name) {
    Twin twin = BY_NAME.get(name);
    if (twin == null) {
      throw new IllegalArgumentException("no hand-written twin of query " + name);
    }
    return twin;
  }
}
