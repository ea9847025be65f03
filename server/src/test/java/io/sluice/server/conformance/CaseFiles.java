package io.sluice.server.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the {@code *.case} files under {@code conformance/} on the test class path and splits them into cases. */
final class CaseFiles {

  static final String CASE_START = "=== ";

  private CaseFiles() {}

  /** Every case of every file, files in name order, cases in file order. */
  static List<CaseText> all() {
    List<CaseText> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder())) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".case")).sorted().toList()) {
        cases.addAll(split(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** The cases of one file: each runs from its {@code ===} line to the next one. */
  static List<CaseText> split(String file, List<String> lines) {
    List<CaseText> cases = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(CASE_START)) {
        if (start >= 0) {
          cases.add(new CaseText(file, start + 1, List.copyOf(lines.subList(start, i))));
        }
        start = i;
      } else if (start < 0 && !CaseParser.isBlankOrComment(line)) {
        throw new CaseFormatException(file, i + 1, "expected '=== case name' before anything else");
      }
    }
    if (start >= 0) {
      cases.add(new CaseText(file, start + 1, List.copyOf(lines.subList(start, lines.size()))));
    }
    return cases;
  }

  private static Path folder() {
    URL url = CaseFiles.class.getResource("/conformance");
    if (url == null) {
      throw new IllegalStateException("no conformance/ folder on the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
