package io.gitops.promotion.argocd;

import static io.gitops.promotion.argocd.StoredResources.asStored;
import static io.gitops.promotion.argocd.StoredResources.previewed;
import static io.gitops.promotion.argocd.StoredResources.promotion;
import static io.gitops.promotion.argocd.StoredResources.rollback;
import static io.gitops.promotion.argocd.StoredResources.update;
import static io.gitops.promotion.argocd.StoredResources.withResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RollbackConflict;
import io.gitops.promotion.api.RollbackStatusResult;
import io.gitops.promotion.argocd.LuaHealthCheck.HealthStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The health.lua scripts judge Promotions and PromotionRollbacks built with the operator's own
 * status classes and serialised as the API server stores them, so renaming a status field breaks
 * this test.
 */
class ArgoCdHealthLuaTest {
  static final String TITLE = "Promote [DEV] v1.5.0 -> [TST] v1.3.0";

  final LuaHealthCheck promotionHealth = LuaHealthCheck.of("Promotion");
  final LuaHealthCheck rollbackHealth = LuaHealthCheck.of("PromotionRollback");

  @Test
  void promotionWithoutStatusWaitsForTheOperator() {
    Promotion p = promotion(1, true);
    p.setStatus(null);
    assertThat(health(p)).isEqualTo(progressing("Waiting for the operator"));
  }

  @Test
  void pendingPromotionWithoutMessageWaitsForTheOperator() {
    Promotion p = promotion(1, false);
    p.getStatus().setPhase(Phase.PENDING);
    assertThat(health(p)).isEqualTo(progressing("Waiting for the operator"));
  }

  @Test
  void pendingPromotionShowsWhatItWaitsFor() {
    String waiting = "waiting for older promotion payments-dev-to-tst on repository gitops";
    Promotion p =
        update(
            promotion(1, false),
            Phase.PENDING,
            Reasons.WAITING_FOR_REPOSITORY,
            waiting,
            Conditions.FALSE);
    assertThat(health(p)).isEqualTo(progressing(waiting));
  }

  @Test
  void runningPromotionIsProgressing() {
    Promotion p =
        update(
            promotion(1, false), Phase.RUNNING, Reasons.IN_PROGRESS, "promoting", Conditions.FALSE);
    assertThat(health(p)).isEqualTo(progressing("promoting"));
  }

  @Test
  void retriedPromotionIsProgressingWithTheRetryMessage() {
    String retrying = "retrying after: git push to gitops failed: 503";
    Promotion p =
        update(
            promotion(1, false), Phase.RUNNING, Reasons.IN_PROGRESS, "promoting", Conditions.FALSE);
    update(p, Phase.RUNNING, Reasons.RETRYING, retrying, Conditions.UNKNOWN);
    assertThat(health(p)).isEqualTo(progressing(retrying));
  }

  @Test
  void previewWaitingForApprovalIsSuspended() {
    assertThat(health(previewed(promotion(1, true))))
        .isEqualTo(
            new HealthStatus(
                "Suspended", "preview ready: set spec.dryRun to false to execute this plan"));
  }

  @Test
  void approvedPreviewIsProgressingUntilTheOperatorSeesTheApproval() {
    Promotion p = previewed(promotion(1, true));
    p.getSpec().setDryRun(false);
    p.getMetadata().setGeneration(2L);
    assertThat(health(p))
        .isEqualTo(progressing("Waiting for the operator to observe generation 2"));
  }

  @Test
  void approvedPreviewWaitingForItsTurnIsProgressing() {
    String waiting = "waiting for repository gitops: another promotion is writing to it";
    Promotion p = previewed(promotion(1, true));
    p.getSpec().setDryRun(false);
    p.getMetadata().setGeneration(2L);
    update(p, Phase.PREVIEWED, Reasons.WAITING_FOR_REPOSITORY, waiting, Conditions.FALSE);
    assertThat(health(p)).isEqualTo(progressing(waiting));
  }

  @Test
  void succeededPromotionIsHealthyWithItsTitle() {
    Promotion p = promotion(1, false);
    p.getStatus().setTitle(TITLE);
    p.getStatus().setCommit("3f2c9a1d5e7b40c6a8d9e0f1a2b3c4d5e6f7a8b9");
    update(p, Phase.SUCCEEDED, Reasons.SUCCEEDED, "promoted in commit 3f2c9a1d", Conditions.TRUE);
    assertThat(health(p)).isEqualTo(new HealthStatus("Healthy", TITLE));
  }

  @Test
  void succeededPromotionWithoutTitleIsHealthyWithItsMessage() {
    Promotion p =
        update(
            promotion(1, false),
            Phase.SUCCEEDED,
            Reasons.SUCCEEDED,
            "nothing to promote",
            Conditions.TRUE);
    assertThat(health(p)).isEqualTo(new HealthStatus("Healthy", "nothing to promote"));
  }

  @Test
  void failedPromotionIsDegradedWithReasonAndMessage() {
    Promotion p =
        update(
            promotion(2, false),
            Phase.FAILED,
            "PlanChanged",
            "the repository changed since the preview; create a new Promotion",
            Conditions.FALSE);
    assertThat(health(p))
        .isEqualTo(
            new HealthStatus(
                "Degraded",
                "PlanChanged: the repository changed since the preview; create a new Promotion"));
  }

  @Test
  void failedPromotionApprovedAfterwardsStaysDegradedBecauseTheOperatorNeverRunsItAgain() {
    Promotion p =
        update(
            promotion(1, true),
            Phase.FAILED,
            "UnknownEnvironment",
            "unknown environment TST",
            Conditions.FALSE);
    p.getSpec().setDryRun(false);
    p.getMetadata().setGeneration(2L);
    assertThat(health(p))
        .isEqualTo(new HealthStatus("Degraded", "UnknownEnvironment: unknown environment TST"));
  }

  @Test
  void rollbackWithoutStatusWaitsForTheOperator() {
    PromotionRollback r = rollback(false);
    r.setStatus(null);
    assertThat(health(r)).isEqualTo(progressing("Waiting for the operator"));
  }

  @Test
  void runningRollbackIsProgressing() {
    PromotionRollback r =
        update(
            rollback(false), Phase.RUNNING, Reasons.IN_PROGRESS, "rolling back", Conditions.FALSE);
    assertThat(health(r)).isEqualTo(progressing("rolling back"));
  }

  @Test
  void retriedRollbackIsProgressingWithTheRetryMessage() {
    PromotionRollback r =
        update(
            rollback(false),
            Phase.RUNNING,
            Reasons.RETRYING,
            "retrying after SocketTimeoutException",
            Conditions.UNKNOWN);
    assertThat(health(r)).isEqualTo(progressing("retrying after SocketTimeoutException"));
  }

  @Test
  void rollbackWhoseLatestGenerationTheOperatorHasNotSeenIsProgressing() {
    PromotionRollback r =
        update(
            rollback(false),
            Phase.PENDING,
            Reasons.WAITING_FOR_REPOSITORY,
            "waiting for repository gitops",
            Conditions.FALSE);
    r.getMetadata().setGeneration(2L);
    assertThat(health(r))
        .isEqualTo(progressing("Waiting for the operator to observe generation 2"));
  }

  @Test
  void restoredRollbackIsHealthy() {
    PromotionRollback r = withResult(rollback(false), RollbackStatusResult.RESTORED);
    r.getStatus().setRestored(List.of(new ImageTagChange("backend", "api", "1.5.0", "1.3.0")));
    update(
        r,
        Phase.SUCCEEDED,
        Reasons.RESTORED,
        "restored 1 application(s) in commit 9b8c7d6e",
        Conditions.TRUE);
    assertThat(health(r))
        .isEqualTo(new HealthStatus("Healthy", "restored 1 application(s) in commit 9b8c7d6e"));
  }

  @Test
  void rollbackWithNothingToRollBackIsHealthy() {
    PromotionRollback r =
        update(
            withResult(rollback(false), RollbackStatusResult.NOTHING_TO_ROLL_BACK),
            Phase.SUCCEEDED,
            Reasons.NOTHING_TO_ROLL_BACK,
            "every tag already had its pre-promotion value",
            Conditions.TRUE);
    assertThat(health(r))
        .isEqualTo(new HealthStatus("Healthy", "every tag already had its pre-promotion value"));
  }

  @Test
  void partiallyRestoredRollbackIsDegradedNamingTheApplicationsLeftAlone() {
    PromotionRollback r = withResult(rollback(false), RollbackStatusResult.PARTIALLY_RESTORED);
    r.getStatus().setRestored(List.of(new ImageTagChange("payments", "api", "1.5.0", "1.3.0")));
    r.getStatus()
        .setConflicts(
            List.of(
                new RollbackConflict("backend", "api", "1.5.0", "1.5.1-hotfix", "1.3.0"),
                new RollbackConflict("frontend", "web", "2.0.0", "2.0.1", "1.9.0")));
    update(
        r,
        Phase.SUCCEEDED,
        Reasons.PARTIALLY_RESTORED,
        "restored 1, left 2 alone",
        Conditions.TRUE);
    assertThat(health(r))
        .isEqualTo(
            new HealthStatus(
                "Degraded",
                "PartiallyRestored: 2 application(s) left alone,"
                    + " their tag changed since the promotion: backend/api, frontend/web"));
  }

  @Test
  void previewedRollbackIsSuspended() {
    PromotionRollback r =
        update(
            withResult(rollback(true), RollbackStatusResult.PREVIEWED),
            Phase.PREVIEWED,
            Reasons.PREVIEWED,
            "would restore 2 application(s)",
            Conditions.TRUE);
    assertThat(health(r))
        .isEqualTo(new HealthStatus("Suspended", "would restore 2 application(s)"));
  }

  @Test
  void failedRollbackIsDegradedWithReasonAndMessage() {
    PromotionRollback r =
        update(
            rollback(false),
            Phase.FAILED,
            "RollbackWindowExpired",
            "the promotion is older than 7 days; set force",
            Conditions.FALSE);
    assertThat(health(r))
        .isEqualTo(
            new HealthStatus(
                "Degraded",
                "RollbackWindowExpired: the promotion is older than 7 days; set force"));
  }

  static HealthStatus progressing(String message) {
    return new HealthStatus("Progressing", message);
  }

  HealthStatus health(Promotion promotion) {
    return promotionHealth.assess(asStored(promotion));
  }

  HealthStatus health(PromotionRollback rollback) {
    return rollbackHealth.assess(asStored(rollback));
  }
}
