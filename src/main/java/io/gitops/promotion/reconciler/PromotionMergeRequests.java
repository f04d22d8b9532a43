package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.MergeRequests;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Promotions as {@link MergeRequestStage} follows them: one open request per group and environment,
 * a newer promotion's request supersedes an older one's ({@link Supersession}).
 */
final class PromotionMergeRequests implements MergeRequestSubject<Promotion> {
  private final PromotionService promotions;
  private final Function<Promotion, String> repositoryOf;

  /**
   * @param repositoryOf the configured repository a promotion runs on
   */
  PromotionMergeRequests(PromotionService promotions, Function<Promotion, String> repositoryOf) {
    this.promotions = promotions;
    this.repositoryOf = repositoryOf;
  }

  @Override
  public MergeRequests api(TargetRepository repository) {
    return promotions.mergeRequests(repository);
  }

  @Override
  public Optional<TargetRepository> repository(Promotion promotion, Context<Promotion> context) {
    try {
      return Optional.of(promotions.repository(promotion.getSpec().getRepository()));
    } catch (RequestRejectedException e) {
      return Optional.empty();
    }
  }

  @Override
  public String nothingDone() {
    return "nothing was promoted";
  }

  @Override
  public Optional<Promotion> newerThan(Promotion awaiting, Collection<Promotion> all) {
    return Supersession.newerThan(awaiting, all, repositoryOf);
  }

  @Override
  public List<Promotion> olderAwaiting(Promotion newer, Collection<Promotion> all) {
    return Supersession.olderAwaiting(newer, all, repositoryOf);
  }
}
