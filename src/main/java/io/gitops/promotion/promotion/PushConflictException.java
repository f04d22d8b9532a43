package io.gitops.promotion.promotion;

/** Every push of a promotion was rejected because the branch kept moving. Transient: retry later. */
public final class PushConflictException extends RuntimeException {
  public PushConflictException(String message) {
    super(message);
  }
}
