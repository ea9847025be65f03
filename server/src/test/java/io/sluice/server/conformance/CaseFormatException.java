package io.sluice.server.conformance;

/** A case file that does not follow the format of {@code conformance/README.md}, with the file and line at fault. */
final class CaseFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CaseFormatException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
