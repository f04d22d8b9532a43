package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.rollback.RollbackService;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * PromotionRollbacks as {@link MergeRequestStage} follows them. A rollback's request supersedes
 * nothing and is superseded by nothing: each rollback restores what one promotion replaced, and its
 * request is merged or closed by people on its own.
 */
final class RollbackMergeRequests implements MergeRequestSubject<PromotionRollback> {
  private final RollbackService rollbacks;

  RollbackMergeRequests(RollbackService rollbacks) {
    this.rollbacks = rollbacks;
  }

  @Override
  public MergeRequests api(TargetRepository repository) {
    return rollbacks.mergeRequests(repository);
  }

  /** Resolved as the run resolved it: from the spec, or from the Promotion it names. */
  @Override
  public Optional<TargetRepository> repository(
      PromotionRollback rollback, Context<PromotionRollback> context) {
    try {
      return Optional.of(
          rollbacks.repository(RollbackTarget.of(rollback, context.getClient()).repository()));
    } catch (RollbackTarget.Unresolvable | RequestRejectedException e) {
      return Optional.empty();
    }
  }

  @Override
  public String nothingDone() {
    return "nothing was rolled back";
  }

  @Override
  public Optional<PromotionRollback> newerThan(
      PromotionRollback awaiting, Collection<PromotionRollback> all) {
    return Optional.empty();
  }

  @Override
  public List<PromotionRollback> olderAwaiting(
      PromotionRollback newer, Collection<PromotionRollback> all) {
    return List.of();
  }
}
