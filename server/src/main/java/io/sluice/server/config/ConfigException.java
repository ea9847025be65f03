package io.sluice.server.config;

/** A setting that cannot be used as given; its message names the key, the value and where it came from. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
