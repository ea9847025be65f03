package io.sluice.server;

import io.sluice.server.config.ConfigException;
import io.sluice.server.config.ConfigLoader;
import io.sluice.server.config.SluiceConfig;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-line life of a server: read the configuration, start, print one ready line, and on
 * SIGTERM stop cleanly and exit 0. Exit status 2 means bad settings, 1 a failed start.
 */
final class ServerLauncher {

  static final int BAD_CONFIG = 2;
  static final int START_FAILED = 1;
  static final String STOPPED_LINE = "Sluice stopped.";

  private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

  /** Set when Kafka's code asks the JVM to exit, so the shutdown hook keeps that status instead of 0. */
  private static volatile int requestedExitStatus;

  private ServerLauncher() {}

  static void run(String[] args) {
    SluiceConfig config;
    try {
      config = new ConfigLoader(Path.of(""), System.getenv(), LOG::warn).load(List.of(args));
    } catch (ConfigException e) {
      System.err.println("sluice: " + e.getMessage());
      System.exit(BAD_CONFIG);
      return;
    }
    Exit.setExitProcedure(
        (status, message) -> {
          requestedExitStatus = status;
          System.exit(status);
        });
    SluiceServer server;
    try {
      server = SluiceServer.start(config);
    } catch (RuntimeException e) {
      LOG.debug("Start failed", e);
      System.err.println("sluice: cannot start: " + e.getMessage());
      System.exit(START_FAILED);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "sluice-shutdown"));
    System.out.println(server.readyLine());
    try {
      server.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(SluiceServer server) {
    server.close();
    System.out.println(STOPPED_LINE);
    System.out.flush();
    // A JVM ended by SIGTERM exits with 143 even after a clean stop; the launcher's contract is 0.
    Runtime.getRuntime().halt(requestedExitStatus);
  }
}
