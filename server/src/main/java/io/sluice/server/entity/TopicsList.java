package io.sluice.server.entity;

import java.util.List;

/** The answer to SHOW TOPICS: each topic with the replica count of each partition. */
public record TopicsList(String statementText, List<TopicInfo> topics, List<String> warnings) implements KsqlEntity {

  /** One topic. */
  public record TopicInfo(String name, List<Integer> replicaInfo) {}
}
