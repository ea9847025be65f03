package io.sluice.bench.nexmark;

import java.util.SplittableRandom;

/** The generator's random strings: words of lower-case letters, names, addresses and padding. */
final class RandomText {

  private static final String[] FIRST_NAMES = {
      "Ada", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca"};
  private static final String[] LAST_NAMES = {
      "Alvarez", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Gallo", "Horvat", "Ivanova", "Janssen"};
  /** The states Nexmark's q3 filters on (OR, ID, CA) are among them, so that query keeps about half its people. */
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[][] CITIES = {
      {"Phoenix", "Tucson", "Flagstaff"},
      {"Sacramento", "Fresno", "San Diego", "Oakland"},
      {"Boise", "Nampa", "Pocatello"},
      {"Salem", "Eugene", "Portland", "Bend"},
      {"Spokane", "Tacoma", "Olympia", "Yakima"},
      {"Casper", "Laramie", "Cody"}};

  private RandomText() {}

  /** Lower-case letters with an occasional space, 1 to {@code maxLength} characters, not starting or ending with a space. */
  static String words(SplittableRandom random, int maxLength) {
    int length = 1 + random.nextInt(maxLength);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      boolean space = i > 0 && i < length - 1 && chars[i - 1] != ' ' && random.nextInt(8) == 0;
      chars[i] = space ? ' ' : letter(random);
    }
    return new String(chars);
  }

  /** Exactly {@code length} lower-case letters. */
  static String letters(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = letter(random);
    }
    return new String(chars);
  }

  static String personName(SplittableRandom random) {
    return pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
  }

  static String email(SplittableRandom random) {
    return letters(random, 3 + random.nextInt(6)) + "@" + letters(random, 3 + random.nextInt(5)) + ".com";
  }

  /** Four groups of four digits separated by spaces. */
  static String creditCard(SplittableRandom random) {
    return String.format("%04d %04d %04d %04d",
        random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000));
  }

  /** A state and one of its cities: {@code [state, city]}. */
  static String[] stateAndCity(SplittableRandom random) {
    int state = random.nextInt(STATES.length);
    return new String[] {STATES[state], pick(random, CITIES[state])};
  }

  /**
   * Padding that brings an event of {@code size} bytes of fields to about {@code averageSize} bytes,
   * as the model's average event sizes ask: within 20% of the missing bytes, empty if none are missing.
   */
  static String padding(SplittableRandom random, int size, int averageSize) {
    int missing = averageSize - size;
    if (missing <= 0) {
      return "";
    }
    int spread = missing / 5;
    int length = missing - spread + (spread == 0 ? 0 : random.nextInt(2 * spread + 1));
    return exactWords(random, length);
  }

  private static String exactWords(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = i > 0 && chars[i - 1] != ' ' && random.nextInt(8) == 0 ? ' ' : letter(random);
    }
    return new String(chars);
  }

  private static char letter(SplittableRandom random) {
    return (char) ('a' + random.nextInt(26));
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
