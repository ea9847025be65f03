package io.sluice.bench;

/** Reads the values of the end-to-end benchmarks' command-line flags, with errors that name the flag. */
public final class Flags {

  private Flags() {}

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
