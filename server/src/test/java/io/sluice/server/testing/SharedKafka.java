package io.sluice.server.testing;

import io.sluice.server.kafka.EmbeddedKafka;
import io.sluice.server.kafka.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * The one real Kafka broker shared by every test in this JVM: started on first use on a free port,
 * with its data in a temporary directory that is deleted when the JVM exits. Tests keep apart by
 * using unique topic names and service ids.
 */
public final class SharedKafka {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedKafka broker;
  private static Admin admin;

  private SharedKafka() {}

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      Path dir = Directories.createTemp("sluice-shared-kafka");
      // Tests write records with old event times; time-based retention would delete them mid-test.
      broker = new EmbeddedKafka(dir, 0, Map.of("log.retention.ms", "-1"));
      broker.start();
      admin = Admin.create(clientConfig(broker.bootstrapServers()));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir), "shared-kafka-stop"));
    }
    return broker.bootstrapServers();
  }

  /** An admin client for the shared broker; it stays open for the whole test run, do not close it. */
  public static synchronized Admin admin() {
    bootstrapServers();
    return admin;
  }

  public static Topics topics() {
    return new Topics(admin());
  }

  /** Client settings with {@code bootstrap.servers} set, to add producer or consumer settings to. */
  public static Map<String, Object> clientConfig() {
    return clientConfig(bootstrapServers());
  }

  /** A topic name no other test in this run uses, e.g. {@code orders-7-k3x9}. */
  public static String uniqueTopic(String prefix) {
    return uniqueName(prefix);
  }

  /** A name (service id, application id, group id) no other test in this run uses. */
  public static String uniqueName(String prefix) {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + suffix;
  }

  private static Map<String, Object> clientConfig(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  private static synchronized void stop(Path dir) {
    admin.close();
    broker.close();
    Directories.deleteRecursively(dir);
  }
}
