package io.sluice.runtime.serde;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns Jackson's parse errors into processing log reasons that say where the JSON broke. */
final class JsonErrors {

  private JsonErrors() {}

  static String notJson(String part, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return part + " is not valid JSON: " + e.getOriginalMessage() + where;
  }
}
