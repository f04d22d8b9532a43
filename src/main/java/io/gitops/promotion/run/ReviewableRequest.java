package io.gitops.promotion.run;

import io.gitops.promotion.config.Environment;

/**
 * A validated request whose execution into an environment gated by merge request goes through a
 * review branch of its own: a promotion's or a rollback's.
 */
public interface ReviewableRequest {
  Environment target();

  /**
   * The branch its commit is pushed to for review, {@code <kind>/<env>/<group>/<short id>} (see
   * {@link MergeRequestDelivery#branchName(String, String, String, String)}).
   */
  String reviewBranch();
}
