package io.gitops.promotion.gitlabhook;

/** A delivery whose body is not the JSON its event must carry; answered 400. */
public final class MalformedHookException extends RuntimeException {
  public MalformedHookException(String message) {
    super(message);
  }
}
