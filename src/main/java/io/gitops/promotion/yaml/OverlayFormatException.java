package io.gitops.promotion.yaml;

/**
 * The overlay cannot be read or edited safely. The message is for a person: it names the position
 * in the file and, where there is one, the application, and says why.
 */
public final class OverlayFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public OverlayFormatException(String message) {
    super(message);
  }

  public OverlayFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
