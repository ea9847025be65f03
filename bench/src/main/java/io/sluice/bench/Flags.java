package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the values of the end-to-end benchmarks' command-line flags, with errors that name the flag. */
public final class Flags {

  private Flags() {}

  /**
   * The command line as (flag, value) pairs in order: every flag takes exactly one value.
   *
   * @throws IllegalArgumentException if the last flag has no value
   */
  public static List<Map.Entry<String, String>> pairs(String[] args) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("flag " + args[i] + " needs a value");
      }
      pairs.add(Map.entry(args[i], args[i + 1]));
    }
    return pairs;
  }

  /** A whole number, written with or without underscores ({@code 1_000_000}). */
  public static long wholeNumber(String flag, String value) {
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, not '" + value + "'");
    }
  }

  /** A whole number above zero. */
  public static long positive(String flag, String value) {
    long parsed = wholeNumber(flag, value);
    if (parsed <= 0) {
      throw new IllegalArgumentException(flag + " must be positive");
    }
    return parsed;
  }
}
