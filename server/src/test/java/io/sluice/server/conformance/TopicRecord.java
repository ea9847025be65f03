package io.sluice.server.conformance;

/** A record read from a topic: its partition, raw key and value bytes, and timestamp. */
record TopicRecord(int partition, byte[] key, byte[] value, long timestamp) {}
