package io.sluice.server.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.runtime.RuntimeOptions;
import io.sluice.server.testing.Http;
import io.sluice.server.testing.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the conformance cases tagged {@code @broker} end to end: for each, a real server on the
 * shared broker takes the statements through {@code POST /ksql}, the inputs are produced to real
 * topics, and the committed outputs and processing log are compared as on the driver; then the
 * case's pull and push queries run through {@code POST /query}.
 */
class SqlConformanceOnBrokerTest {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final RuntimeOptions OPTIONS = new RuntimeOptions(DriverRun.PROCESSING_LOG);
  /** {@code -Dsluice.conformance.only=<fragment>} runs only the cases whose file and title contain it. */
  private static final String ONLY = System.getProperty("sluice.conformance.only", "");

  @TestFactory
  Stream<DynamicTest> brokerCasesBehaveAsDocumented() {
    return CaseFiles.all().stream()
        .filter(text -> text.hasTag(CaseParser.BROKER_TAG) && text.displayName().contains(ONLY))
        .map(text -> DynamicTest.dynamicTest(text.displayName(), () -> run(text)));
  }

  private static void run(CaseText text) {
    String run = SharedKafka.uniqueName("c").replace('-', '_');
    SqlCase c = text.parse(run);
    if (c.disabledReason() != null && !SqlConformanceTest.RUN_DISABLED) {
      Assumptions.abort("disabled: " + c.disabledReason());
    }
    assertAll(c.displayName(), () -> check(c, run));
  }

  private static void check(SqlCase c, String run) throws Exception {
    PlannedScript script = c.error() == null ? ScriptPlanner.plan(c.sql(), OPTIONS) : null;
    if (script != null) {
      for (String topic : script.topics()) {
        assertTrue(topic.contains(run), "a @broker case names every topic with ${RUN}; " + topic + " does not");
      }
      assertTrue(c.outputs().stream().anyMatch(o -> !o.records().isEmpty()) || !c.log().isEmpty()
              || (script.sinksByTopic().isEmpty() && !c.queries().isEmpty()),
          "a @broker case with persistent queries expects at least one record or log entry, to know when they have run");
    }
    try (CaseServer server = CaseServer.start(run)) {
      Http.Response response = server.ksql(c.sql());
      if (c.error() != null) {
        assertEquals(400, response.status(), response.body());
        JsonNode error = response.json();
        SqlConformanceTest.checkRefusal(c.error(), error.path("message").asText(),
            error.path("line").asInt(), error.path("column").asInt());
        return;
      }
      assertEquals(200, response.status(), response.body());
      BrokerTopics.produce(c.inputs(), script);
      CaseCheck.verify(c, script, observe(c, server));
      for (ExpectedQuery query : c.queries()) {
        QueryCheck.verify(query, server.restUrl());
      }
    }
  }

  private static Observed observe(SqlCase c, CaseServer server) {
    Map<String, List<TopicRecord>> topics = new HashMap<>();
    Set<String> multiPartition = new HashSet<>();
    for (ExpectedOutput output : c.outputs()) {
      topics.put(output.topic(), BrokerTopics.awaitAtLeast(output.topic(), output.records().size(), WAIT));
      if (BrokerTopics.partitionCount(output.topic()) > 1) {
        multiPartition.add(output.topic());
      }
    }
    List<JsonNode> log = BrokerTopics.awaitAtLeast(server.processingLogTopic(), c.log().size(), WAIT).stream()
        .map(r -> CanonicalJson.parse(new String(r.value(), StandardCharsets.UTF_8), "a processing-log entry"))
        .toList();
    return new Observed(topics, log, multiPartition, true, server);
  }
}
