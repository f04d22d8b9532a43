package io.gitops.promotion.gitlabhook;

/** What became of one delivery, with the HTTP status it was answered with. */
public enum HookOutcome {
  /** About a merge request of a configured repository: its promotions were told. */
  ACCEPTED(202, "accepted"),
  /** An event this endpoint does not use, or about no merge request of ours. */
  IGNORED(202, "ignored"),
  /** No {@code X-Gitlab-Token}, or not the configured one. */
  UNAUTHORIZED(401, "unauthorized"),
  /** Not a POST, not JSON, or missing what the event must hold. */
  INVALID(400, "invalid"),
  TOO_LARGE(413, "too_large"),
  /** The secret token could not be read (Secret missing): nothing can be believed. */
  UNAVAILABLE(503, "unavailable");

  private final int status;
  private final String label;

  HookOutcome(int status, String label) {
    this.status = status;
    this.label = label;
  }

  public int status() {
    return status;
  }

  public String label() {
    return label;
  }
}
