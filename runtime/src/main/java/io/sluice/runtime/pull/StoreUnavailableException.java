package io.sluice.runtime.pull;

/** A state store that cannot answer a pull query now: its query is not running, or is rebalancing. */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message) {
    super(message);
  }
}
