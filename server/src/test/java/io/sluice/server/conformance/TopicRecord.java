package io.sluice.server.conformance;

/** A record as it sits in a topic: where it is, its raw key and value bytes, and its timestamp. */
record TopicRecord(String topic, int partition, long offset, byte[] key, byte[] value, long timestamp) {}
