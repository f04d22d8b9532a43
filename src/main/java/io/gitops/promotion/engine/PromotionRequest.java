package io.gitops.promotion.engine;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.run.MergeRequestDelivery;
import io.gitops.promotion.run.ReviewableRequest;

/**
 * A validated request to promote one workload group from one environment to another. Built only by
 * {@link RequestValidator}; every field has been checked.
 *
 * @param promotionId identifies this promotion in commit trailers and the state file; a retry of
 *     the same promotion carries the same id
 * @param versionService lead service whose source tag is the release version, or null for the
 *     default
 */
public record PromotionRequest(
    String promotionId,
    String group,
    Environment source,
    Environment target,
    String versionService,
    boolean dryRun,
    boolean force,
    String reason,
    String requestedBy)
    implements ReviewableRequest {

  public PromotionRequest asExecution() {
    return new PromotionRequest(
        promotionId, group, source, target, versionService, false, force, reason, requestedBy);
  }

  /** {@code promotion/<env>/<group>/<short id>}, lower case. */
  @Override
  public String reviewBranch() {
    return MergeRequestDelivery.branchName(target.name(), group, promotionId);
  }
}
