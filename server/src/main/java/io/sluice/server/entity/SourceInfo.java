package io.sluice.server.entity;

/** One stream or table in a SHOW STREAMS or SHOW TABLES answer. */
public record SourceInfo(String type, String name, String topic, String keyFormat, String valueFormat, boolean isWindowed) {}
