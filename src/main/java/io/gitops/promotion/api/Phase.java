package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a {@link Promotion} or {@link PromotionRollback} is in its single run. {@link #PREVIEWED},
 * {@link #SUCCEEDED} and {@link #FAILED} are terminal for that generation: the operator never runs
 * the resource again, except that approving a preview ({@code dryRun: true -> false}) starts the
 * execution of the previewed plan. Serialised by {@link #value()}: {@code Pending}, {@code
 * Running}, ...
 */
public enum Phase {
  PENDING("Pending"),
  RUNNING("Running"),
  PREVIEWED("Previewed"),
  /** Its commit is on a review branch; waiting for the GitLab merge request to be merged. */
  AWAITING_MERGE("AwaitingMerge"),
  /** Pushed; waiting for Argo CD to show the commit Synced and Healthy. */
  VERIFYING("Verifying"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed");

  private final String value;

  Phase(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** Succeeded and Failed never change again; Previewed changes only through an approval. */
  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED;
  }
}
