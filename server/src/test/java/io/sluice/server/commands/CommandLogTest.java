package io.sluice.server.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.server.testing.SharedKafka;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command log keeps commands in order, forever, and reads them back from the start. */
class CommandLogTest {

  @Test
  void appendedCommandsReadBackInOrderWithTheirOffsets() {
    try (CommandLog log = open(SharedKafka.uniqueName("order"))) {
      long first = log.append("{\"n\":1}");
      long second = log.append("{\"n\":2}");
      long third = log.append("{\"n\":3}");

      assertEquals(List.of(0L, 1L, 2L), List.of(first, second, third));
      assertEquals(
          List.of(
              new CommandRecord(0, "{\"n\":1}"),
              new CommandRecord(1, "{\"n\":2}"),
              new CommandRecord(2, "{\"n\":3}")),
          log.readAll());
    }
  }

  @Test
  void aNewLogReadsEmpty() {
    try (CommandLog log = open(SharedKafka.uniqueName("empty"))) {
      assertEquals(List.of(), log.readAll());
    }
  }

  @Test
  void reopeningTheLogOfAServiceSeesEarlierCommandsAndAppendsAfterThem() {
    String serviceId = SharedKafka.uniqueName("reopen");
    try (CommandLog log = open(serviceId)) {
      log.append("{\"first\":true}");
    }

    try (CommandLog log = open(serviceId)) {
      assertEquals(1, log.append("{\"second\":true}"));
      List<String> commands = log.readAll().stream().map(CommandRecord::json).toList();
      assertEquals(List.of("{\"first\":true}", "{\"second\":true}"), commands);
    }
  }

  @Test
  void topicIsOnePartitionKeptForever() {
    String serviceId = SharedKafka.uniqueName("topic");
    try (CommandLog log = open(serviceId)) {
      String topic = "_sluice_" + serviceId + "_commands";
      Map<String, String> configs = SharedKafka.topics().configs(topic);

      assertEquals(topic, log.topic());
      assertEquals(1, SharedKafka.topics().partitionCount(topic));
      assertEquals("-1", configs.get("retention.ms"));
      assertEquals("-1", configs.get("retention.bytes"));
      assertEquals("delete", configs.get("cleanup.policy"));
    }
  }

  @Test
  void endOffsetIsTheOffsetTheNextCommandGets() {
    try (CommandLog log = open(SharedKafka.uniqueName("end"))) {
      assertEquals(0, log.endOffset());
      log.append("{\"n\":1}");
      assertEquals(1, log.endOffset());
      assertEquals(1, log.append("{\"n\":2}"));
      assertEquals(2, log.endOffset());
    }
  }

  private static CommandLog open(String serviceId) {
    return CommandLog.open(SharedKafka.admin(), SharedKafka.clientConfig(), serviceId);
  }
}
