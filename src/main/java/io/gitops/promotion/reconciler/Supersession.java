package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One open merge request per group and environment: a promotion awaiting its merge is superseded by
 * the newest younger promotion of the same group into the same environment of the same repository
 * whose own request is open (or already landed). Previews and failed promotions supersede nothing.
 */
final class Supersession {
  private Supersession() {}

  /**
   * @param repositoryOf the configured repository a promotion runs on
   * @return the promotion that replaces {@code awaiting}, or empty while none does
   */
  static Optional<Promotion> newerThan(
      Promotion awaiting, Collection<Promotion> all, Function<Promotion, String> repositoryOf) {
    String repository = repositoryOf.apply(awaiting);
    return all.stream()
        .filter(other -> !other.getMetadata().getUid().equals(awaiting.getMetadata().getUid()))
        .filter(other -> other.getMetadata().getCreationTimestamp() != null)
        .filter(other -> ExecutionOrder.AGE.compare(other, awaiting) > 0)
        .filter(other -> sameGroupAndEnvironment(other, awaiting))
        .filter(Supersession::hasItsOwnRequest)
        .filter(other -> Objects.equals(repository, repositoryOf.apply(other)))
        .max(Comparator.comparing(p -> p, ExecutionOrder.AGE));
  }

  /** Older promotions of the same group and environment that may be awaiting their merge. */
  static List<Promotion> olderAwaiting(
      Promotion newer, Collection<Promotion> all, Function<Promotion, String> repositoryOf) {
    String repository = repositoryOf.apply(newer);
    return all.stream()
        .filter(other -> other.getStatus() != null)
        .filter(other -> other.getStatus().getPhase() == Phase.AWAITING_MERGE)
        .filter(other -> ExecutionOrder.AGE.compare(other, newer) < 0)
        .filter(other -> sameGroupAndEnvironment(other, newer))
        .filter(other -> Objects.equals(repository, repositoryOf.apply(other)))
        .toList();
  }

  private static boolean sameGroupAndEnvironment(Promotion a, Promotion b) {
    return Objects.equals(a.getSpec().getWorkloadGroup(), b.getSpec().getWorkloadGroup())
        && a.getSpec().getTargetEnv() != null
        && a.getSpec().getTargetEnv().equalsIgnoreCase(b.getSpec().getTargetEnv());
  }

  private static boolean hasItsOwnRequest(Promotion p) {
    return !p.getSpec().isDryRun()
        && p.getStatus() != null
        && p.getStatus().getMergeRequest() != null
        && p.getStatus().getPhase() != Phase.FAILED;
  }
}
