package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.engine.EngineComponent;
import io.sluice.server.query.Materialization;
import io.sluice.server.testing.SharedKafka;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;

/**
 * A windowed aggregation submitted over REST on the real broker: with out-of-order and late
 * events and a server restart in the middle of the input, its final table is the one the window
 * semantics give without a restart; late events are counted in DESCRIBE EXTENDED; EXPLAIN shows the
 * window; and the server finds the table's state store by the table's name.
 */
class WindowedAggregationEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final long SIZE = 10_000;
  private static final long GRACE = 5_000;
  private static final long EPOCH = 1_700_000_000_000L;
  private static final int EVENTS = 600;
  private static final int USERS = 30;

  @Test
  void windowedCountKeepsItsFinalTableAcrossARestartMidInput() {
    String input = SharedKafka.uniqueTopic("events");
    String output = input + "-totals";
    List<Event> events = events();
    int half = EVENTS / 2;
    try (TestServer server = TestServer.start()) {
      server.ok("CREATE STREAM EVENTS (USERID BIGINT KEY, AMOUNT INT) WITH (KAFKA_TOPIC='" + input
          + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
      String queryId = server.ok("CREATE TABLE TOTALS WITH (KAFKA_TOPIC='" + output + "') AS "
              + "SELECT USERID, COUNT(*) AS CNT, SUM(AMOUNT) AS TOTAL FROM EVENTS "
              + "WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 5 SECONDS) GROUP BY USERID EMIT CHANGES;")
          .get(0).path("commandStatus").path("queryId").asText();
      String group = server.serviceId() + "_query_" + queryId;

      Records.shared().produce(input, records(input, events.subList(0, half)));
      Records.shared().awaitCommitted(group, input, WAIT);
      long lateInFirstHalf = Semantics.late(events.subList(0, half)).size();
      assertTrue(lateInFirstHalf > 0, "the first half has late events");
      JsonNode described = server.ok("DESCRIBE EXTENDED TOTALS;").get(0).path("sourceDescription");
      assertTrue(described.path("statistics").asText().contains("late-records-dropped: " + lateInFirstHalf),
          described.toString());

      String explained = server.ok("EXPLAIN " + queryId + ";").get(0).path("queryDescription")
          .path("executionPlan").asText();
      assertTrue(explained.contains("window TUMBLING size 10 SECONDS grace 5 SECONDS retention 15 SECONDS"), explained);
      assertTrue(explained.contains("emit CHANGES, store "), explained);

      server.restart();
      Records.shared().produce(input, records(input, events.subList(half, EVENTS)));
      Records.shared().awaitCommitted(group, input, WAIT);

      assertEquals(List.of(), differences(Semantics.finalTable(events), finalTable(Records.shared().readAll(output))),
          "(user, window) keys whose last value in the output topic is not the expected one");

      Materialization store = server.server().component(EngineComponent.class).orElseThrow()
          .engine().queries().materialization("TOTALS").orElseThrow();
      assertEquals(queryId, store.queryId());
      try (KeyValueIterator<?, ?> rows = store.streams().store(StoreQueryParameters.fromNameAndType(
          store.storeName(), QueryableStoreTypes.windowStore())).all()) {
        assertTrue(rows.hasNext(), "the materialized store " + store.storeName() + " serves its rows");
      }
    }
  }

  /** One input event: its user, amount and event time. */
  private record Event(long user, int amount, long time) {}

  /**
   * Events every 500 ms of event time over 30 users; every 37th is 3 s out of order (within
   * grace), and every 50th, the first after the restart included, is 30 s late (beyond it).
   */
  private static List<Event> events() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      long time = EPOCH + i * 500L;
      if (i % 50 == 0 && i > 0) {
        time -= 30_000;
      } else if (i % 37 == 0) {
        time -= 3_000;
      }
      events.add(new Event(i % USERS, i % 7, time));
    }
    return events;
  }

  /** The window semantics, computed directly: what the output must hold and what must be dropped. */
  private static final class Semantics {

    static List<Event> late(List<Event> events) {
      List<Event> late = new ArrayList<>();
      long streamTime = Long.MIN_VALUE;
      for (Event event : events) {
        streamTime = Math.max(streamTime, event.time());
        long windowEnd = event.time() - event.time() % SIZE + SIZE;
        if (windowEnd <= streamTime - GRACE) {
          late.add(event);
        }
      }
      return late;
    }

    static Map<String, String> finalTable(List<Event> events) {
      List<Event> late = late(events);
      Map<String, long[]> totals = new TreeMap<>();
      for (Event event : events) {
        if (late.contains(event)) {
          continue;
        }
        long windowStart = event.time() - event.time() % SIZE;
        long[] total = totals.computeIfAbsent(key(event.user(), windowStart), k -> new long[2]);
        total[0]++;
        total[1] += event.amount();
      }
      Map<String, String> table = new TreeMap<>();
      totals.forEach((key, total) -> table.put(key, "{\"CNT\":" + total[0] + ",\"TOTAL\":" + total[1] + "}"));
      return table;
    }
  }

  private static Map<String, String> finalTable(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, String> table = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String key = HexFormat.of().formatHex(record.key());
      if (record.value() == null) {
        table.remove(key);
      } else {
        table.put(key, Records.text(record.value()));
      }
    }
    return table;
  }

  /** The keys whose values differ, as {@code key: expected -> actual}, the first 10 of them. */
  private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
    TreeMap<String, String> keys = new TreeMap<>(expected);
    actual.forEach(keys::putIfAbsent);
    return keys.keySet().stream()
        .filter(key -> !Objects.equals(expected.get(key), actual.get(key)))
        .map(key -> key + ": " + expected.get(key) + " -> " + actual.get(key))
        .limit(10)
        .toList();
  }

  /** A windowed key as Kafka Streams' TimeWindowedSerializer writes it over a BIGINT key, in hex. */
  private static String key(long user, long windowStart) {
    return HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(user).putLong(windowStart).array());
  }

  private static List<ProducerRecord<byte[], byte[]>> records(String topic, List<Event> events) {
    return events.stream()
        .map(e -> Records.record(topic, Records.bigintKey(e.user()), "{\"AMOUNT\":" + e.amount() + "}", e.time()))
        .toList();
  }

}
