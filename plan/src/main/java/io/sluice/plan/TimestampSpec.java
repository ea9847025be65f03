package io.sluice.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a source takes event time from when it is not the record timestamp: a column of the
 * source row (BIGINT epoch millis, TIMESTAMP, or STRING parsed with a
 * {@link java.time.format.DateTimeFormatter} pattern in {@code format}, read as UTC).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimestampSpec(int columnIndex, String format) {}
