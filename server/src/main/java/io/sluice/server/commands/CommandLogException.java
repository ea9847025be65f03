package io.sluice.server.commands;

/** The command log could not be written or read; the statement that needed it did not take effect. */
public final class CommandLogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CommandLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
