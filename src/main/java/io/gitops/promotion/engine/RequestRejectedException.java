package io.gitops.promotion.engine;

/**
 * A request that cannot succeed as given: bad input, a configuration error or a repository that
 * moved under an approved plan. Terminal: callers report it and do not retry. Nothing was written.
 */
public class RequestRejectedException extends RuntimeException {
  private final RejectionReason reason;

  public RequestRejectedException(RejectionReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RequestRejectedException(RejectionReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
