package io.sluice.server.entity;

import java.util.List;
import java.util.Map;

/** A persistent query as SHOW QUERIES and DESCRIBE list it. */
public record RunningQuery(
    String queryString, List<String> sinks, List<String> sinkKafkaTopics, String id,
    Map<String, Integer> statusCount, String queryType, String state) {}
