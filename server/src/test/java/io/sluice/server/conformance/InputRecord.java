package io.sluice.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record a case produces to a topic.
 *
 * @param key the key columns as JSON, converted to the source's key format; null when {@code rawKey} is given
 * @param rawKey key bytes to produce as they are (from {@code base64:}), or null
 * @param value the value's raw text, or null for a null value
 */
record InputRecord(String topic, long timestamp, int partition, JsonNode key, byte[] rawKey, String value) {}
