package io.sluice.plan;

/** Prints durations of milliseconds in the largest whole unit, as a person would write them. */
public final class Durations {

  private static final long[] UNITS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
  private static final String[] NAMES = {"DAYS", "HOURS", "MINUTES", "SECONDS", "MILLISECONDS"};

  private Durations() {}

  /** {@code 60000} is {@code 1 MINUTES}, {@code 90000} is {@code 90 SECONDS}, {@code 0} is {@code 0 MILLISECONDS}. */
  public static String print(long millis) {
    for (int i = 0; i < UNITS.length; i++) {
      if (millis != 0 && millis % UNITS[i] == 0) {
        return millis / UNITS[i] + " " + NAMES[i];
      }
    }
    return millis + " MILLISECONDS";
  }
}
