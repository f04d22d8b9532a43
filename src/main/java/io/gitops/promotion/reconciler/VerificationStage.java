package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRef;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.VerificationConfig;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.verify.Verdict;
import io.gitops.promotion.verify.Verification;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Phase {@code Verifying}: after the push, the promotion waits until Argo CD shows its Applications
 * Synced at the commit (or a later one) and Healthy, woken by every change of an Application and at
 * its deadline. A Degraded Application or the deadline fails it; with {@code rollbackOnFailure} a
 * PromotionRollback owned by the promotion is created.
 */
final class VerificationStage {
  private final PromotionService promotions;
  private final ArgoApplications applications;
  private final PromotionStatusTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final PromotionMetrics metrics;
  private final Clock clock;

  VerificationStage(
      PromotionService promotions,
      ArgoApplications applications,
      PromotionStatusTransitions transitions,
      StatusPatcher statusPatcher,
      EventRecorder events,
      PromotionMetrics metrics,
      Clock clock) {
    this.promotions = promotions;
    this.applications = applications;
    this.transitions = transitions;
    this.statusPatcher = statusPatcher;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Enters Verifying after the push; empty when the repository is not verified.
   *
   * @param services every service the promotion changed (the status may hold only the first of its
   *     changes)
   */
  java.util.Optional<UpdateControl<Promotion>> start(
      Promotion pushed,
      List<String> services,
      TargetRepository repository,
      Environment target,
      Context<Promotion> context) {
    if (repository.verificationConfig().isEmpty()) {
      return java.util.Optional.empty();
    }
    transitions.verifying(
        pushed, clock.instant().plus(repository.verification().timeout()), services);
    events.normal(pushed, Reasons.VERIFYING, pushed.getStatus().getMessage());
    applications.watching(pushed);
    Promotion verifying = statusPatcher.patch(pushed, context);
    return java.util.Optional.of(check(verifying, repository, target, context));
  }

  UpdateControl<Promotion> check(
      Promotion promotion,
      TargetRepository repository,
      Environment target,
      Context<Promotion> context) {
    applications.watching(promotion);
    VerificationConfig config = repository.verification();
    String commit = promotion.getStatus().getCommit();
    Instant deadline = Instant.parse(promotion.getStatus().getVerification().getDeadline());
    List<String> services = verifiedServices(promotion.getStatus());
    Verdict verdict =
        new Verification((c, revision) -> promotions.isAtOrAfter(repository, c, revision))
            .judge(
                applications.of(
                    config, promotion.getSpec().getWorkloadGroup(), services, target.dir()),
                commit,
                clock.instant(),
                deadline,
                config.required());
    boolean changed = transitions.applications(promotion, verdict);
    switch (verdict.outcome()) {
      case WAITING -> {
        if (changed) {
          statusPatcher.patch(promotion, context);
        }
        Duration untilDeadline = Duration.between(clock.instant(), deadline);
        return UpdateControl.<Promotion>noUpdate()
            .rescheduleAfter(untilDeadline.isNegative() ? Duration.ZERO : untilDeadline);
      }
      case VERIFIED, SKIPPED -> {
        transitions.verified(promotion, verdict);
        events.normal(
            promotion,
            verdict.outcome() == Verdict.Outcome.VERIFIED
                ? Reasons.VERIFIED
                : Reasons.VERIFICATION_SKIPPED,
            verdict.message());
        metrics.verified(
            verdict.outcome().name(),
            Duration.between(Instant.parse(promotion.getStatus().getStartedAt()), clock.instant()));
      }
      default -> {
        String rollback =
            config.rollbackOnFailure() ? rollBack(promotion, context.getClient()) : null;
        transitions.verificationFailed(promotion, verdict, rollback);
        events.warning(promotion, Reasons.VERIFICATION_FAILED, promotion.getStatus().getMessage());
        metrics.verified(
            verdict.outcome().name(),
            Duration.between(Instant.parse(promotion.getStatus().getStartedAt()), clock.instant()));
      }
    }
    applications.done(promotion);
    statusPatcher.patch(promotion, context);
    return UpdateControl.noUpdate();
  }

  /**
   * A PromotionRollback of the promotion, owned by it; creating it again finds the one made before.
   */
  private String rollBack(Promotion promotion, KubernetesClient client) {
    String name = promotion.getMetadata().getName() + "-rollback";
    PromotionRollback rollback = new PromotionRollback();
    rollback.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(promotion.getMetadata().getNamespace())
            .addToAnnotations("promotion.gitops.io/requested-by", "promotion-operator")
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(promotion.getApiVersion())
                    .withKind(promotion.getKind())
                    .withName(promotion.getMetadata().getName())
                    .withUid(promotion.getMetadata().getUid())
                    .build())
            .build());
    PromotionRollbackSpec spec = new PromotionRollbackSpec();
    PromotionRef ref = new PromotionRef();
    ref.setName(promotion.getMetadata().getName());
    spec.setPromotionRef(ref);
    spec.setDryRun(false);
    rollback.setSpec(spec);
    if (client.resource(rollback).get() == null) {
      client.resource(rollback).create();
      events.warning(
          promotion,
          Reasons.ROLLBACK_CREATED,
          "verification failed: created PromotionRollback " + name);
    }
    return name;
  }

  /**
   * The services to verify: those recorded when verification started, or, on a status written
   * before they were recorded, the services of its changes.
   */
  static List<String> verifiedServices(PromotionStatus status) {
    if (status.getVerification() != null && status.getVerification().getServices() != null) {
      return status.getVerification().getServices();
    }
    return status.getChanges() == null
        ? List.of()
        : status.getChanges().stream().map(ImageTagChange::service).distinct().toList();
  }
}
