package io.sluice.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sluice.plan.PhysicalPlan;
import io.sluice.plan.PlanJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A step a plan holds twice under one id (Nexmark's q5, whose join reads its per-window bid counts
 * both directly and through their per-window maximum) is computed once; a stored plan that repeats
 * a step under other ids keeps its two copies. Both plans are the planner's q5, before and after it
 * shared the repeat.
 */
class SharedStepTest {

  private static final RuntimeOptions OPTIONS = new RuntimeOptions("processing_log");

  @Test
  void aSharedAggregationKeepsOneStoreAndAStoredPlanWithTwoCopiesKeepsItsTwo() throws IOException {
    Set<String> shared = TestDrivers.stores(QueryTopologyBuilder.build(plan("q5-shared"), OPTIONS).topology());
    Set<String> unshared = TestDrivers.stores(QueryTopologyBuilder.build(plan("q5-unshared"), OPTIONS).topology());

    // The bid counts' window store and suppression buffer, once; the maximum's store; the join's.
    assertEquals(Set.of("aggregate-store", "aggregate-final-store", "aggregate2-store",
        "join-left-store", "join-right-store"), shared);
    Set<String> twoCopies = new TreeSet<>(shared);
    twoCopies.addAll(Set.of("aggregate3-store", "aggregate3-final-store"));
    assertEquals(twoCopies, unshared);
  }

  @Test
  void aSharedAggregationFeedsBothReadersTheRowsTheTwoCopiesDid() throws IOException {
    List<String> shared = run(plan("q5-shared"));
    assertFalse(shared.isEmpty());
    assertEquals(run(plan("q5-unshared")), shared);
  }

  /** q5's rows for bids of auctions 1 to 3 over a minute, the busiest auction changing every few seconds. */
  private static List<String> run(PhysicalPlan plan) {
    BuiltQuery query = QueryTopologyBuilder.build(plan, OPTIONS);
    try (TopologyTestDriver driver = new TopologyTestDriver(query.topology(),
        TestDrivers.props("shared-step-test", TestDirs.fresh("shared-step")))) {
      TestInputTopic<byte[], byte[]> bids =
          driver.createInputTopic("nexmark", new ByteArraySerializer(), new ByteArraySerializer());
      for (int second = 0; second < 60; second++) {
        long auction = 1 + (second / 7 + second % 2) % 3;
        byte[] key = ByteBuffer.allocate(Long.BYTES).putLong(auction).array();
        byte[] bid = ("{\"EVENT_TYPE\": 2, \"PRICE\": " + second + "}").getBytes(StandardCharsets.UTF_8);
        bids.pipeInput(key, bid, second * 1000L);
      }
      return driver.createOutputTopic("Q5", new StringDeserializer(), new StringDeserializer())
          .readRecordsToList().stream().map(record -> "@" + record.timestamp() + " " + record.value()).toList();
    }
  }

  private static PhysicalPlan plan(String name) throws IOException {
    try (InputStream in = SharedStepTest.class.getResourceAsStream("/plans/" + name + ".json")) {
      return PlanJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
