package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Oldest first: an execution waits while an older promotion of the same repository still has to
 * execute. Previews, finished promotions, promotions held by a gate and promotions awaiting their
 * merge request never hold anyone up.
 */
final class ExecutionOrder {
  /** Oldest first: creation time, then namespace and name. */
  static final Comparator<Promotion> AGE =
      Comparator.comparing((Promotion p) -> Instant.parse(p.getMetadata().getCreationTimestamp()))
          .thenComparing(p -> p.getMetadata().getNamespace())
          .thenComparing(p -> p.getMetadata().getName());

  private ExecutionOrder() {}

  /**
   * @param repositoryOf the configured repository a promotion runs on
   * @param handedOver promotions already with the repository's writer: they land before anything
   *     handed over after them, so they hold nobody up
   * @return the older promotion it waits for, or null when it may run now
   */
  static Promotion blockedBy(
      Promotion promotion,
      Collection<Promotion> all,
      Function<Promotion, String> repositoryOf,
      Predicate<Promotion> handedOver) {
    if (promotion.getSpec().isDryRun() || promotion.getMetadata().getCreationTimestamp() == null) {
      return null;
    }
    String repository = repositoryOf.apply(promotion);
    return all.stream()
        .filter(other -> !other.getMetadata().getUid().equals(promotion.getMetadata().getUid()))
        .filter(ExecutionOrder::awaitsExecution)
        .filter(other -> other.getMetadata().getCreationTimestamp() != null)
        .filter(other -> AGE.compare(other, promotion) < 0)
        .filter(other -> !handedOver.test(other))
        .filter(other -> Objects.equals(repository, repositoryOf.apply(other)))
        .min(AGE)
        .orElse(null);
  }

  /** A sort key in the same order: creation time, then namespace and name. */
  static String key(io.fabric8.kubernetes.api.model.HasMetadata p) {
    return p.getMetadata().getCreationTimestamp()
        + "/"
        + p.getMetadata().getNamespace()
        + "/"
        + p.getMetadata().getName();
  }

  private static boolean awaitsExecution(Promotion p) {
    Phase phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    boolean gated = p.getStatus() != null && p.getStatus().getGate() != null;
    return !p.getSpec().isDryRun()
        && !gated
        && phase != Phase.VERIFYING
        && phase != Phase.AWAITING_MERGE
        && (phase == null || !phase.isFinished());
  }
}
