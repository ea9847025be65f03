package io.sluice.server.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A REST error body in ksqlDB's shape, {@code {"@type":"generic_error","error_code":40400,"message":...}}.
 * The error code is the HTTP status followed by two digits.
 */
public record ErrorMessage(
    @JsonProperty("@type") String type,
    @JsonProperty("error_code") int errorCode,
    @JsonProperty("message") String message) {

  public static final String GENERIC = "generic_error";

  /** A generic error whose code is the HTTP status times 100, e.g. 404 gives 40400. */
  public static ErrorMessage generic(int httpStatus, String message) {
    return new ErrorMessage(GENERIC, httpStatus * 100, message);
  }
}
