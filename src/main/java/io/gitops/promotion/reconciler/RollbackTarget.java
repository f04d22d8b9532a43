package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.Reasons;

/**
 * What a PromotionRollback rolls back: the Promotion it names (its group, target environment,
 * repository, and uid as the expected promotion id), or the latest recorded promotion of a group in
 * an environment. A rollback awaiting its merge request keeps the target it resolved when it
 * started (on its status), even when the Promotion it names was deleted since: its request is
 * followed to the end, never left open.
 *
 * @param promotionId null when any latest recorded promotion will do
 */
record RollbackTarget(String group, String targetEnv, String repository, String promotionId) {

  /** The target could not be resolved; terminal. */
  static final class Unresolvable extends RuntimeException {
    private final String reason;

    Unresolvable(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  static RollbackTarget of(PromotionRollback rollback, KubernetesClient client) {
    PromotionRollbackSpec spec = rollback.getSpec();
    if (spec.getPromotionRef() == null || spec.getPromotionRef().getName() == null) {
      return new RollbackTarget(
          spec.getWorkloadGroup(), spec.getTargetEnv(), spec.getRepository(), null);
    }
    String namespace = rollback.getMetadata().getNamespace();
    String name = spec.getPromotionRef().getName();
    Promotion promotion =
        client.resources(Promotion.class).inNamespace(namespace).withName(name).get();
    if (promotion == null) {
      PromotionRollbackStatus s = rollback.getStatus();
      if (s != null
          && s.getPhase() == Phase.AWAITING_MERGE
          && s.getWorkloadGroup() != null
          && s.getTargetEnv() != null
          && s.getPromotionId() != null) {
        return new RollbackTarget(
            s.getWorkloadGroup(), s.getTargetEnv(), s.getRepository(), s.getPromotionId());
      }
      throw new Unresolvable(
          Reasons.PROMOTION_NOT_FOUND, "Promotion " + namespace + "/" + name + " not found");
    }
    Phase phase = promotion.getStatus() == null ? null : promotion.getStatus().getPhase();
    // a promotion whose commit is pushed but which failed afterwards (verification, GitLab) is on
    // the branch too
    boolean pushed =
        promotion.getStatus() != null
            && promotion.getStatus().getCommit() != null
            && (phase == Phase.FAILED || phase == Phase.VERIFYING);
    if (phase != Phase.SUCCEEDED && !pushed) {
      throw new Unresolvable(
          Reasons.PROMOTION_NOT_SUCCEEDED,
          "Promotion "
              + name
              + " is "
              + (phase == null ? "not started" : phase.value())
              + "; only a promotion whose commit was pushed can be rolled back");
    }
    return new RollbackTarget(
        promotion.getSpec().getWorkloadGroup(),
        promotion.getSpec().getTargetEnv(),
        promotion.getSpec().getRepository(),
        promotion.getMetadata().getUid());
  }
}
