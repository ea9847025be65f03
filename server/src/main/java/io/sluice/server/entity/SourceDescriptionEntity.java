package io.sluice.server.entity;

import java.util.List;
import java.util.Map;

/** The answer to DESCRIBE [EXTENDED]. */
public record SourceDescriptionEntity(String statementText, SourceDescription sourceDescription, List<String> warnings)
    implements KsqlEntity {

  /** ksqlDB's source description; the statistics fields are filled by DESCRIBE EXTENDED. */
  public record SourceDescription(
      String name, String windowType, List<RunningQuery> readQueries, List<RunningQuery> writeQueries,
      List<FieldInfo> fields, String type, String timestamp, String statistics, String errorStats,
      boolean extended, String keyFormat, String valueFormat, String topic, int partitions, int replication,
      String statement, List<QueryStatistics> queryStatistics) {}

  /**
   * Counters of one query that reads or writes the source (EXTENDED only); consumer lag and state
   * store bytes are null while Kafka Streams has not measured them (or the query keeps no store).
   * {@code rowsOutByNode}: the rows each step of the physical plan has passed on, by plan node id.
   */
  public record QueryStatistics(
      String queryId, String state, long recordsIn, long recordsOut, long errors, long lateRecordsDropped,
      String lastError, String lastErrorTime, Long consumerLag, Long stateStoreBytes, Map<String, Long> rowsOutByNode) {}
}
