package io.sluice.server.results;

/** A push query refused because the server already runs as many as {@code query.push.max.concurrent} allows. */
public final class TooManyPushQueriesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TooManyPushQueriesException(int limit) {
    super("Too many push queries: this server runs at most " + limit + " at once (query.push.max.concurrent); "
        + "close one (POST /close-query) or try again later");
  }
}
