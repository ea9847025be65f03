package io.sluice.parser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of a data file under src/test/resources/cases: SQL input and the expectations
 * written after it (the format is described at the top of each file).
 */
record ParserCase(String file, String name, String sql, List<String> expectations) {

  static final String EXPECTATION = "-->";

  static List<ParserCase> read(Path path) throws IOException {
    final List<ParserCase> cases = new ArrayList<>();
    String name = null;
    List<String> sql = new ArrayList<>();
    List<String> expectations = new ArrayList<>();
    for (String line : Files.readAllLines(path)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("=== ")) {
        if (name != null) {
          cases.add(of(path, name, sql, expectations));
        }
        name = line.substring(4).trim();
        sql = new ArrayList<>();
        expectations = new ArrayList<>();
      } else if (line.startsWith(EXPECTATION)) {
        expectations.add(line.substring(EXPECTATION.length()).trim());
      } else if (name != null && expectations.isEmpty()) {
        sql.add(line);
      } else if (!line.isBlank()) {
        throw new IllegalStateException(path + ": unexpected line outside a case: " + line);
      }
    }
    if (name != null) {
      cases.add(of(path, name, sql, expectations));
    }
    return cases;
  }

  private static ParserCase of(Path path, String name, List<String> sql,
      List<String> expectations) {
    return new ParserCase(path.getFileName().toString(), name,
        String.join("\n", sql).stripTrailing(), List.copyOf(expectations));
  }

  @Override
  public String toString() {
    return file + ": " + name;
  }
}
