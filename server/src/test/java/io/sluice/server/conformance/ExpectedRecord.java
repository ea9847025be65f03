package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record a case expects on an output topic.
 *
 * @param partition the partition it must be written to, or null when the case does not say
 * @param window the window of a windowed key, as {@code START,END} in epoch milliseconds, or null
 * @param key the key columns as JSON (a JSON null for no key)
 * @param value the value as JSON, or null for a null value
 */
record ExpectedRecord(long timestamp, Integer partition, String window, JsonNode key, JsonNode value) {}
