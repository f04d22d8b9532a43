package io.gitops.promotion.state;

/** The state file cannot be read as either the nested or the legacy flat format. */
public final class StateFormatException extends RuntimeException {
  public StateFormatException(String message) {
    super(message);
  }

  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
