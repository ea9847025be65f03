package io.sluice.server;

import io.sluice.server.commands.CommandLog;
import io.sluice.server.config.SluiceConfig;
import io.sluice.server.kafka.Topics;
import io.sluice.server.rest.HealthChecks;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** What a running server hands its components and routes: settings, Kafka access and the command log. */
public final class ServerContext {

  private final SluiceConfig config;
  private final String bootstrapServers;
  private final String kafkaClusterId;
  private final Admin admin;
  private final Topics topics;
  private final CommandLog commandLog;
  private final HealthChecks healthChecks;

  ServerContext(
      SluiceConfig config,
      String bootstrapServers,
      String kafkaClusterId,
      Admin admin,
      CommandLog commandLog,
      HealthChecks healthChecks) {
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.kafkaClusterId = kafkaClusterId;
    this.admin = admin;
    this.topics = new Topics(admin);
    this.commandLog = commandLog;
    this.healthChecks = healthChecks;
  }

  public SluiceConfig config() {
    return config;
  }

  /** The Kafka cluster in use: the embedded broker's address or the configured bootstrap.servers. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String kafkaClusterId() {
    return kafkaClusterId;
  }

  /** Settings for any Kafka client: {@code bootstrap.servers} plus the {@code kafka.*} pass-through settings. */
  public Map<String, Object> kafkaClientConfig() {
    return config.kafkaClientConfig(bootstrapServers);
  }

  /** The server's shared admin client; do not close it. */
  public Admin admin() {
    return admin;
  }

  public Topics topics() {
    return topics;
  }

  /** The service's command log, open for appending; do not close it. */
  public CommandLog commandLog() {
    return commandLog;
  }

  /** Where components register the checks that {@code /healthcheck} reports. */
  public HealthChecks healthChecks() {
    return healthChecks;
  }
}
