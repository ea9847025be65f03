package io.sluice.server.conformance;

import java.util.List;

/**
 * The lines of one case as its file holds them, from its {@code ===} line on; parsed into a
 * {@link SqlCase} once the run's {@code ${RUN}} is known.
 *
 * @param line the 1-based line of the {@code ===} line in the file
 */
record CaseText(String file, int line, List<String> lines) {

  /** The name a test report shows: file, line and case name. */
  String displayName() {
    return file + ":" + line + " " + lines.get(0).substring(CaseFiles.CASE_START.length()).strip();
  }

  /** Whether the case carries {@code tag} among the tag lines before its first section. */
  boolean hasTag(String tag) {
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("--- ")) {
        return false;
      }
      if (line.strip().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  SqlCase parse(String run) {
    return CaseParser.parse(this, run);
  }
}
