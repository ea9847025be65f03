package io.sluice.server.e2e;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.server.engine.EngineComponent;
import io.sluice.server.pull.PullQueryRunner;
import io.sluice.server.results.QueryResults;
import io.sluice.server.results.SelectRefusedException;
import io.sluice.server.testing.Poll;
import io.sluice.server.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pull queries running all the time while the table's query keeps updating the same keys, on each
 * kind of store read (key lookups and key ranges of a key-value store, a window store, a session
 * store): neither may block the other (Kafka Streams 4.3's IQv2 queries could deadlock with the
 * stream thread's writes, freezing the table for good), and the reads end up seeing every update.
 */
class PullQueriesDuringUpdatesTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int KEYS = 5;
  private static final int ROUNDS = 40;
  private static final int EVENTS_PER_KEY_AND_ROUND = 50;

  private static TestServer server;
  private static PullQueryRunner runner;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    runner = server.server().component(EngineComponent.class).orElseThrow().pullQueries();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * A table over the stream {@code BUSY_<name>} and the pull query that reads one key's count from
   * it, {@code %s} standing for the table and {@code %d} for the key. All events of a key fall in
   * one window and one session.
   */
  record Case(String name, String window, String where) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("keyLookup", "", "USERID = %d"),
        new Case("keyRange", "", "USERID >= %1$d AND USERID <= %1$d"),
        new Case("tumblingWindowLookup", " WINDOW TUMBLING (SIZE 1 HOUR)", "USERID = %d"),
        new Case("sessionLookup", " WINDOW SESSION (1 HOUR)", "USERID = %d"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  // A deadlocked read never returns, not even to Poll; a separate thread lets the test fail instead of hang.
  @Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void readsConcurrentWithUpdatesOfTheSameKeysSeeEveryUpdate(Case kind) throws Exception {
    String stream = "BUSY_" + kind.name().toUpperCase();
    String table = stream + "_COUNTS";
    String topic = SharedKafka.uniqueTopic("busy");
    server.ok("CREATE STREAM " + stream + " (USERID BIGINT KEY, PAGE STRING) WITH (KAFKA_TOPIC='" + topic
        + "', VALUE_FORMAT='JSON', PARTITIONS=1);");
    server.ok("CREATE TABLE " + table + " AS SELECT USERID, COUNT(*) AS N FROM " + stream + kind.window()
        + " GROUP BY USERID;");
    String lookup = "SELECT N FROM " + table + " WHERE " + kind.where() + ";";
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      Thread reader = new Thread(() -> {
        long key = 0;
        while (running.get()) {
          try {
            count(lookup, key++ % KEYS);
          } catch (SelectRefusedException e) {
            // the table's query is still starting
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }
      }, "lookups-" + r);
      // A reader caught in a deadlock would never return; as a daemon it cannot keep the test JVM up.
      reader.setDaemon(true);
      reader.start();
      readers.add(reader);
    }
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int key = 0; key < KEYS; key++) {
          for (int i = 0; i < EVENTS_PER_KEY_AND_ROUND; i++) {
            records.add(Records.record(topic, Records.bigintKey(key), "{\"PAGE\":\"p\"}", 1_700_000_000_000L + i));
          }
        }
        Records.shared().produce(topic, records);
      }
      long expected = (long) ROUNDS * EVENTS_PER_KEY_AND_ROUND;
      for (long key = 0; key < KEYS; key++) {
        long k = key;
        Poll.until(WAIT, () -> count(lookup, k) == expected, "key " + k + " to reach count " + expected);
      }
    } finally {
      running.set(false);
    }
    for (Thread reader : readers) {
      reader.join(WAIT.toMillis());
    }
    assertNull(failure.get());
  }

  /** The key's count, or -1 while the table has no row for it. */
  private static long count(String lookup, long key) {
    try (QueryResults results = runner.run(String.format(lookup, key), Map.of())) {
      long count = -1;
      while (!results.ended()) {
        Object[] row = results.poll(Duration.ZERO);
        if (row != null) {
          count = (Long) row[0];
        }
      }
      return count;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
