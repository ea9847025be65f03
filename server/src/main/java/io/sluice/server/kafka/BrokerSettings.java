package io.sluice.server.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The configuration of the embedded single-node broker: KRaft, combined roles, loopback only. */
final class BrokerSettings {

  static final String HOST = "127.0.0.1";
  static final int NODE_ID = 1;

  /** Per-partition size cap in the embedded broker; see docs/operations.md, "Retention". */
  static final long RETENTION_BYTES = 1L << 30;
  /** Small enough that the size cap deletes in steps of at most an eighth of a partition. */
  static final long SEGMENT_BYTES = 128L << 20;

  private BrokerSettings() {}

  static Properties of(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(NODE_ID));
    p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());

    // One broker: every internal topic must fit on it, or transactions and groups hang.
    p.setProperty("default.replication.factor", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    // Fewer internal partitions make the first group join and the first transaction much faster.
    p.setProperty("offsets.topic.num.partitions", "5");
    p.setProperty("transaction.state.log.num.partitions", "5");
    p.setProperty("share.coordinator.state.topic.num.partitions", "5");
    p.setProperty("group.initial.rebalance.delay.ms", "0");

    // Keep by size, never by time: records with old event times must not vanish under a query.
    p.setProperty("log.retention.ms", "-1");
    p.setProperty("log.retention.bytes", Long.toString(RETENTION_BYTES));
    p.setProperty("log.segment.bytes", Long.toString(SEGMENT_BYTES));
    // Topics are created on purpose (CREATE ... WITH PARTITIONS, Kafka Streams' admin client), not by a typo.
    p.setProperty("auto.create.topics.enable", "false");
    // The cleaner's default 128 MB dedupe buffer is a large share of a 2 GB heap shared with queries.
    p.setProperty("log.cleaner.dedupe.buffer.size", Long.toString(32L << 20));

    overrides.forEach(p::setProperty);
    return p;
  }
}
