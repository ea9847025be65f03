package io.sluice.server.conformance;

/** How a runner tells a case the columns and formats of a source after its statements ran. */
interface SourceLookup {

  /** The source's key and value columns as {@code NAME TYPE [KEY], ...}. */
  String columns(String source);

  /** The source's formats as {@code KEY_FORMAT='...', VALUE_FORMAT='...'}. */
  String formats(String source);

  static String formats(String keyFormat, String valueFormat) {
    return "KEY_FORMAT='" + keyFormat + "', VALUE_FORMAT='" + valueFormat + "'";
  }
}
