package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.RunStatus;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@link RunSubject} of a Promotion or PromotionRollback. A resource that names no
 * repository gets the one the configuration gives it (the only repository, when there is one); a
 * rollback by {@code promotionRef} with several repositories configured has none here.
 */
public final class RunSubjects {
  /** Repository names as the resources write them. */
  public static final RunSubjects AS_WRITTEN = new RunSubjects(Optional::ofNullable);

  private final Function<String, Optional<String>> repositoryName;

  /**
   * @param repositoryName the configured repository a resource's {@code spec.repository} (maybe
   *     null) means
   */
  public RunSubjects(Function<String, Optional<String>> repositoryName) {
    this.repositoryName = repositoryName;
  }

  Optional<RunSubject> of(HasMetadata resource) {
    if (resource instanceof Promotion p) {
      PromotionStatus s = p.getStatus();
      return Optional.of(
          subject(
              p,
              s,
              p.getSpec().getRepository(),
              p.getSpec().getWorkloadGroup(),
              p.getSpec().getSourceEnv(),
              p.getSpec().getTargetEnv(),
              s == null ? null : s.getTitle(),
              s == null ? null : s.getVersion()));
    }
    if (resource instanceof PromotionRollback r) {
      PromotionRollbackStatus s = r.getStatus();
      String group =
          s != null && s.getWorkloadGroup() != null
              ? s.getWorkloadGroup()
              : r.getSpec().getWorkloadGroup();
      String target =
          s != null && s.getTargetEnv() != null ? s.getTargetEnv() : r.getSpec().getTargetEnv();
      return Optional.of(
          subject(r, s, r.getSpec().getRepository(), group, null, target, null, null));
    }
    return Optional.empty();
  }

  private RunSubject subject(
      HasMetadata resource,
      RunStatus s,
      String repository,
      String group,
      String source,
      String target,
      String title,
      String version) {
    return new RunSubject(
        resource.getKind(),
        resource.getMetadata().getName(),
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getUid(),
        repositoryName.apply(repository).orElse(null),
        group,
        source,
        target,
        s == null || s.getPhase() == null ? null : s.getPhase().value(),
        s == null ? null : s.getReason(),
        s == null ? null : s.getMessage(),
        title,
        version,
        s == null ? null : s.getCommit());
  }
}
