package io.sluice.server;

/**
 * A part of the server with a lifecycle, such as the statement engine or the query registry.
 *
 * <p>Components are registered on {@link SluiceServer.Builder} and started in registration order
 * once Kafka is reachable and the command log exists, before REST starts listening. They are
 * closed in reverse order after REST has stopped and before the embedded broker stops.
 */
public interface ServerComponent {

  /** Starts the component; a failure aborts the server's start and closes what was started. */
  void start(ServerContext context) throws Exception;

  /**
   * Called on every started component when shutdown begins, before REST stops: a component that
   * serves long requests (PRINT, say) ends them here, so that REST can stop without interrupting them.
   */
  default void beforeStop() {}

  /** Stops the component; called at most once, and only after a successful {@link #start}. */
  void close() throws Exception;
}
