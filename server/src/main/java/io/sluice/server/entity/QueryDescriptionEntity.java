package io.sluice.server.entity;

import java.util.List;
import java.util.Map;

/** The answer to EXPLAIN: the query's plans at every stage and its Kafka Streams topology. */
public record QueryDescriptionEntity(String statementText, QueryDescription queryDescription, List<String> warnings)
    implements KsqlEntity {

  /** ksqlDB's query description plus Sluice's logical and physical plans. */
  public record QueryDescription(
      String id, String statementText, String windowType, List<FieldInfo> fields, List<String> sources,
      List<String> sinks, String topology, String executionPlan, String logicalPlan, Object physicalPlan,
      Map<String, Object> overriddenProperties, String queryType, String state) {}
}
