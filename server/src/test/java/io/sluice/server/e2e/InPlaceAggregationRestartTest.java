package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.ServerProcess;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A table aggregated in place (grouped by its stream's key and another column, with no repartition)
 * keeps its groups across a restart that lost the local state: its plan is rebuilt from the command
 * log, its store restored from its changelog, later rows add to the groups once, and a pull query
 * reads them.
 */
class InPlaceAggregationRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void groupsKeptInPlaceOutliveARestartWithoutLocalState() {
    String input = SharedKafka.uniqueTopic("bids");
    String output = input + "-totals";
    LocalStateLoss restart = new LocalStateLoss("in-place-restart");
    restart.run(first -> {
      first.ksql("CREATE STREAM BIDS (ID BIGINT KEY, REGION STRING, PRICE BIGINT) WITH (KAFKA_TOPIC='" + input
          + "', VALUE_FORMAT='JSON', PARTITIONS=2);");
      String queryId = first.ksql("CREATE TABLE TOTALS WITH (KAFKA_TOPIC='" + output + "', KEY_FORMAT='JSON') AS "
          + "SELECT ID, REGION, COUNT(*) AS N, SUM(PRICE) AS TOTAL FROM BIDS GROUP BY ID, REGION;")
          .get(0).path("commandStatus").path("queryId").asText();
      String explained = first.ksql("EXPLAIN " + queryId + ";").toString();
      assertTrue(explained.contains("in place in the input's partitions by ID (no repartition)"), explained);
      Records.shared().produce(input, List.of(
          bid(input, 1, 1, "eu", 10),
          bid(input, 2, 3, "eu", 30),
          bid(input, 3, 1, "us", 5),
          bid(input, 4, 3, "eu", 1)));
      Records.shared().awaitAtLeast(output, 4, WAIT);
      Records.shared().awaitCommitted(restart.groupOf(queryId), input, WAIT);
      return queryId;
    }, second -> {
      Records.shared().produce(input, List.of(
          bid(input, 5, 1, "eu", 20),
          bid(input, 6, 3, "eu", 2)));
      Records.shared().awaitAtLeast(output, 6, WAIT);
      Records.shared().awaitCommitted(restart.group(), input, WAIT);
      List<String> written = Records.shared().lines(output, T0, Records::text).stream().sorted().toList();
      assertEquals(List.of(
          "@1000 {\"ID\":1,\"REGION\":\"eu\"} | {\"N\":1,\"TOTAL\":10}",
          "@2000 {\"ID\":3,\"REGION\":\"eu\"} | {\"N\":1,\"TOTAL\":30}",
          "@3000 {\"ID\":1,\"REGION\":\"us\"} | {\"N\":1,\"TOTAL\":5}",
          "@4000 {\"ID\":3,\"REGION\":\"eu\"} | {\"N\":2,\"TOTAL\":31}",
          "@5000 {\"ID\":1,\"REGION\":\"eu\"} | {\"N\":2,\"TOTAL\":30}",
          "@6000 {\"ID\":3,\"REGION\":\"eu\"} | {\"N\":3,\"TOTAL\":33}"), written);
      Poll.until(WAIT, () -> pullRows(second, "SELECT * FROM TOTALS WHERE ID = 3 AND REGION = 'eu';")
          .equals("[[3,\"eu\",3,33]]"), "the pull query to read the restored group");
    });
  }

  /** The rows of a pull query's answer, as a JSON array of their columns; empty if it failed. */
  private static String pullRows(ServerProcess server, String sql) {
    Http.Response response = Http.postJson(server.restUrl() + "/query", Map.of("ksql", sql));
    if (response.status() != 200) {
      return "";
    }
    StringBuilder rows = new StringBuilder("[");
    for (JsonNode entry : response.json()) {
      if (entry.has("row")) {
        rows.append(rows.length() > 1 ? "," : "").append(entry.path("row").path("columns"));
      }
    }
    return rows.append(']').toString();
  }

  private static ProducerRecord<byte[], byte[]> bid(String topic, long second, long id, String region, long price) {
    return Records.record(topic, Records.bigintKey(id), "{\"REGION\":\"" + region + "\",\"PRICE\":" + price + "}",
        T0 + second * 1000);
  }
}
