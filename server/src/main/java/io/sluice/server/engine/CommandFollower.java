package io.sluice.server.engine;

import io.sluice.server.statement.StatementExecutor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that applies, every half second, the commands other nodes of the same service have
 * appended to the command log, so that their streams, tables and queries appear here too.
 */
final class CommandFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandFollower.class);
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final Engine engine;
  private final StatementExecutor executor;
  private final Thread thread;
  private final CountDownLatch stopping = new CountDownLatch(1);

  CommandFollower(Engine engine, StatementExecutor executor) {
    this.engine = engine;
    this.executor = executor;
    this.thread = new Thread(this::run, "sluice-command-follower");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      while (!stopping.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
        followOnce();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void followOnce() {
    try {
      // Most checks find nothing new: ask for the log's end without the executor's lock, so a
      // statement never waits for this round trip.
      if (!engine.behindCommandLog()) {
        return;
      }
      // The executor's lock: a statement validates against the catalog and appends its command
      // without another command being applied in between.
      synchronized (executor) {
        if (stopping.getCount() > 0) {
          engine.catchUp();
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot follow the command log: {}", e.toString());
    }
  }

  /** Stops following; a command being applied is finished first. */
  @Override
  public void close() {
    stopping.countDown();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
