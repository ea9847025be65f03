package io.sluice.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.RuntimeOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which queries let their tasks read whatever input has arrived ({@code max.task.idle.ms} -1)
 * instead of waiting to read their topics in time order: only those whose rows cannot depend on
 * that order (io.sluice.runtime.InputOrder).
 */
class InputOrderTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions("processing_log", Clock.systemUTC());
  private static final String SOURCES = """
      CREATE STREAM L (ID BIGINT KEY, A BIGINT) WITH (KAFKA_TOPIC='l', VALUE_FORMAT='JSON');
      CREATE STREAM R (ID BIGINT KEY, B BIGINT) WITH (KAFKA_TOPIC='r', VALUE_FORMAT='JSON');
      CREATE TABLE T (ID BIGINT PRIMARY KEY, C BIGINT) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON');
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unbounded inner join, rows the same in any order | true"
          + " | CREATE STREAM Q AS SELECT L.ID, A, B FROM L JOIN R ON L.A = R.B;",
      "no join | true | CREATE STREAM Q AS SELECT ID, A FROM L WHERE A > 1;",
      "windowed aggregation without a join | true"
          + " | CREATE TABLE Q AS SELECT ID, COUNT(*) AS N FROM L WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY ID;",
      "stream-table join, a row meets the table as of its time | false"
          + " | CREATE STREAM Q AS SELECT L.ID, A, C FROM L JOIN T ON L.ID = T.ID;",
      "windowed join, early records make others late | false"
          + " | CREATE STREAM Q AS SELECT L.ID, A, B FROM L JOIN R WITHIN 10 SECONDS ON L.ID = R.ID;",
      "window over an unbounded join, joined rows' times follow the order | false"
          + " | CREATE TABLE Q AS SELECT L.ID, COUNT(*) AS N FROM L JOIN R ON L.ID = R.ID"
          + " WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY L.ID;",
  })
  void readsInArrivalOrderOnlyWhenTheRowsCannotDependOnIt(String description, boolean arrivalOrder, String query)
      throws Exception {
    List<ScriptQuery> queries = ScriptPlanner.plan(SOURCES + query, OPTIONS).queries();
    Map<String, Object> expected = arrivalOrder
        ? Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED) : Map.of();
    assertEquals(expected, queries.get(queries.size() - 1).built().streamsSettings(), description);
  }
}
