package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gate.GateClosedException;
import io.gitops.promotion.gitlabhook.MergeRequestSignals;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.rollback.RollbackParameters;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import io.gitops.promotion.rollback.RollbackRun;
import io.gitops.promotion.rollback.RollbackService;
import io.gitops.promotion.run.RepositoryWriter;
import io.gitops.promotion.steps.AfterStepException;
import io.gitops.promotion.steps.AfterSteps;
import io.gitops.promotion.steps.StepInput;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs each PromotionRollback once: resolve what it rolls back, hand it to the repository's writer
 * (which lands it and wakes it), register the GitLab deployments of a pushed rollback, write the
 * status. Into an environment gated by merge request it goes through one ({@link
 * MergeRequestStage}), unless it is an emergency: then it is pushed directly, with a Warning Event.
 * Re-applying the same resource (as Argo CD does) never rolls back twice: a finished rollback is
 * never run again, and a retry finds its own commit and deployments.
 */
@ControllerConfiguration(name = "promotionrollback")
@GradualRetry(
    maxAttempts = 100,
    initialInterval = 2000,
    intervalMultiplier = 2,
    maxInterval = 300_000)
public final class PromotionRollbackReconciler
    implements Reconciler<PromotionRollback>, Cleaner<PromotionRollback> {
  private final RollbackService rollbacks;
  private final AfterSteps<RollbackRun> afterSteps;
  private final RunFailures failures = new RunFailures();
  private final RollbackStatusTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final PromotionMetrics metrics;
  private final Clock clock;
  private final SimpleInboundEventSource<PromotionRollback> wakeUps =
      new SimpleInboundEventSource<>("rollback-writer");
  private final RepositoryLeases leases;
  private final MergeRequestStage<PromotionRollbackStatus, PromotionRollback> mergeRequests;
  private final EmergencyRollbacks emergencies;
  private final MergeRequestSignals hooks;

  /**
   * @param leases the repositories this replica works on; it leaves every other resource alone
   * @param hooks merge requests GitLab's webhook said changed: the rollbacks awaiting them look at
   *     once
   */
  public PromotionRollbackReconciler(
      RollbackService rollbacks,
      AfterSteps<RollbackRun> afterSteps,
      StatusPatcher statusPatcher,
      EventRecorder events,
      PromotionMetrics metrics,
      Clock clock,
      RepositoryLeases leases,
      MergeRequestSignals hooks) {
    this.hooks = hooks;
    this.leases = leases;
    this.rollbacks = rollbacks;
    this.afterSteps = afterSteps;
    this.transitions = new RollbackStatusTransitions(clock);
    this.statusPatcher = statusPatcher;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.mergeRequests =
        new MergeRequestStage<>(
            new RollbackMergeRequests(rollbacks),
            transitions,
            statusPatcher,
            events,
            clock,
            r -> wake(r).run());
    this.emergencies = new EmergencyRollbacks(transitions, events);
  }

  @Override
  public UpdateControl<PromotionRollback> reconcile(
      PromotionRollback rollback, Context<PromotionRollback> context) {
    Phase phase = rollback.getStatus() == null ? null : rollback.getStatus().getPhase();
    if (phase != null && (phase.isFinished() || phase == Phase.PREVIEWED)) {
      return UpdateControl.noUpdate();
    }
    String repositoryName;
    try {
      repositoryName = repositoryOf(rollback, context);
    } catch (KubernetesClientException e) {
      // which replica works on it is not known yet: ask again soon, writing nothing meanwhile
      return UpdateControl.<PromotionRollback>noUpdate().rescheduleAfter(Duration.ofSeconds(5));
    }
    if (!leases.holds(repositoryName)) {
      return UpdateControl.noUpdate(); // another replica holds the repository's Lease
    }
    TargetRepository repository;
    RollbackRequest request;
    try {
      RollbackTarget target = RollbackTarget.of(rollback, context.getClient());
      repository = rollbacks.repository(target.repository());
      request = rollbacks.validate(parameters(rollback, target));
    } catch (RollbackTarget.Unresolvable e) {
      return fail(rollback, e.reason(), e.getMessage(), context);
    } catch (RuntimeException e) {
      return failures
          .terminal(e)
          .map(t -> fail(rollback, t.reason(), t.message(), context))
          .orElseThrow(() -> e);
    }
    RepositoryWriter writer = rollbacks.writer(repository.name());
    Optional<RepositoryWriter.Finished> finished = writer.take(request.rollbackId());
    if (finished.isPresent()) {
      return finish(rollback, repository, request, finished.get(), context);
    }
    if (phase == Phase.AWAITING_MERGE && !writer.holds(request.rollbackId())) {
      return mergeRequests.follow(
          rollback,
          context,
          request,
          repository,
          landed -> submit(rollback, repository, request, landed),
          null, // a rollback that cannot merge waits for people: it is not planned again
          (r, reason, message) -> fail(r, reason, message, context));
    }
    if (!writer.holds(request.rollbackId())) {
      // kubectl get promotionrollbacks shows the group and environment, resolved from a
      // promotionRef too
      RollbackStatusTransitions.statusOf(rollback).setWorkloadGroup(request.group());
      RollbackStatusTransitions.statusOf(rollback).setTargetEnv(request.target().name());
      RollbackStatusTransitions.statusOf(rollback).setRepository(repository.name());
      PromotionRollback running =
          phase == Phase.RUNNING
              ? statusPatcher.patch(rollback, context)
              : markRunning(rollback, context);
      submit(running, repository, request, null);
    }
    return UpdateControl.<PromotionRollback>noUpdate()
        .rescheduleAfter(PromotionReconciler.SAFETY_NET);
  }

  @Override
  public List<EventSource<?, PromotionRollback>> prepareEventSources(
      EventSourceContext<PromotionRollback> context) {
    LeaseWakeUps.register(leases, context, wakeUps, rollback -> null);
    // A rollback awaiting its merge has resolved its repository onto its status.
    MergeRequestWakeUps.register(
        hooks,
        context,
        wakeUps,
        rollback -> rollback.getStatus() == null ? null : rollback.getStatus().getRepository(),
        PromotionRollbackStatus::getMergeRequest);
    return List.of(wakeUps);
  }

  /** Writes what the repository's writer did with the rollback, then registers its deployments. */
  private UpdateControl<PromotionRollback> finish(
      PromotionRollback running,
      TargetRepository repository,
      RollbackRequest request,
      RepositoryWriter.Finished finished,
      Context<PromotionRollback> context) {
    RollbackResult done;
    try {
      done = (RollbackResult) finished.orThrow();
    } catch (GateClosedException e) {
      boolean alreadyGated =
          running.getStatus().getGate() != null
              && e.decision().message().equals(running.getStatus().getGate().getMessage());
      transitions.gated(running, RollbackStatusTransitions.statusOf(running), e.decision());
      if (!alreadyGated) {
        events.normal(running, e.decision().reason(), e.decision().message());
      }
      statusPatcher.patch(running, context);
      return UpdateControl.<PromotionRollback>noUpdate()
          .rescheduleAfter(GateWait.until(e.decision(), clock));
    } catch (RuntimeException e) {
      return failures
          .terminal(e)
          .map(t -> fail(running, t.reason(), t.message(), context))
          .orElseThrow(() -> e);
    }
    transitions.recorded(running, done);
    metrics.gitTraffic(done.counts());
    if (done.commit() != null && !done.resumed() && request.throughMergeRequest()) {
      return mergeRequests.start(running, context, request, repository);
    }
    emergencies.recorded(running, repository, request, done);
    PromotionRollback recorded =
        done.commit() == null ? running : statusPatcher.patch(running, context);
    if (done.commit() != null) {
      try {
        runAfterSteps(recorded, repository, request, done, context);
      } catch (AfterStepException e) {
        if (e.terminal()) {
          return fail(recorded, e.reason(), e.getMessage(), context);
        }
        throw e;
      }
    }
    transitions.finished(recorded, done);
    events.normal(recorded, recorded.getStatus().getReason(), recorded.getStatus().getMessage());
    metrics.finished(
        "rollback", done.outcome().label(), "-", request.target().name(), elapsed(recorded));
    statusPatcher.patch(recorded, context);
    return UpdateControl.noUpdate();
  }

  /**
   * The after-steps of a pushed rollback, once the commit is on the status. A terminal failure
   * fails the rollback (the push stays); anything else is retried, and the retry finds the pushed
   * commit and what the steps did so far, and resumes here.
   */
  private void runAfterSteps(
      PromotionRollback running,
      TargetRepository repository,
      RollbackRequest request,
      RollbackResult result,
      Context<PromotionRollback> context) {
    try {
      afterSteps.run(
          new StepInput<>(
              repository,
              new RollbackRun(request, result),
              Instant.parse(running.getStatus().getStartedAt())),
          outcome -> {
            transitions.step(RollbackStatusTransitions.statusOf(running), outcome);
            if (outcome.details() instanceof PublishResult published) {
              transitions.published(running, published);
            }
          });
    } catch (AfterStepException e) {
      if (!e.terminal()) {
        statusPatcher.patch(running, context);
      }
      throw e;
    }
  }

  /**
   * The finalizer: a rollback awaiting its merge, or deleted while its execution through a merge
   * request was under way, withdraws its request and review branch (once its writer is done with
   * it: a queued one is never landed); any other is let go at once, touching nothing. A repository
   * held by another replica is that replica's to clean up.
   */
  @Override
  public DeleteControl cleanup(PromotionRollback rollback, Context<PromotionRollback> context) {
    Phase phase = rollback.getStatus() == null ? null : rollback.getStatus().getPhase();
    RollbackRequest unfinished =
        phase == Phase.AWAITING_MERGE ? null : unfinished(rollback, context);
    String repositoryName = repositoryOf(rollback, context);
    if ((phase == Phase.AWAITING_MERGE || unfinished != null) && !leases.holds(repositoryName)) {
      return DeleteControl.noFinalizerRemoval();
    }
    if (repositoryName != null
        && rollbacks.writer(repositoryName).withdraw(rollback.getMetadata().getUid())) {
      // its writer wakes it once the landing is over, and the finalizer runs again
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(PromotionReconciler.SAFETY_NET);
    }
    mergeRequests.withdraw(rollback, context, unfinished);
    return DeleteControl.defaultDelete();
  }

  /**
   * The request of a rollback whose execution through a merge request has not finished; null for
   * any other (finished, a preview, pushed directly, no longer resolvable).
   */
  private RollbackRequest unfinished(
      PromotionRollback rollback, Context<PromotionRollback> context) {
    Phase phase = rollback.getStatus() == null ? null : rollback.getStatus().getPhase();
    if (phase != null && phase.isFinished() || rollback.getSpec().isDryRun()) {
      return null;
    }
    try {
      RollbackRequest request =
          rollbacks.validate(
              parameters(rollback, RollbackTarget.of(rollback, context.getClient())));
      return request.throughMergeRequest() ? request : null;
    } catch (RollbackTarget.Unresolvable | RequestRejectedException e) {
      return null;
    }
  }

  /**
   * Hands the rollback to its repository's writer.
   *
   * @param landed the commit its merged merge request landed as; null while it has not landed
   */
  private void submit(
      PromotionRollback rollback,
      TargetRepository repository,
      RollbackRequest request,
      String landed) {
    rollbacks.submit(
        repository,
        request,
        Instant.parse(rollback.getMetadata().getCreationTimestamp()),
        landed,
        "PromotionRollback "
            + rollback.getMetadata().getNamespace()
            + "/"
            + rollback.getMetadata().getName(),
        ExecutionOrder.key(rollback),
        wake(rollback));
  }

  private Runnable wake(PromotionRollback rollback) {
    ResourceID id = ResourceID.fromResource(rollback);
    return () -> wakeUps.propagateEvent(id);
  }

  @Override
  public ErrorStatusUpdateControl<PromotionRollback> updateErrorStatus(
      PromotionRollback rollback, Context<PromotionRollback> context, Exception e) {
    PromotionRollback current = statusPatcher.latest(rollback);
    transitions.retrying(
        current, RollbackStatusTransitions.statusOf(current), failures.describe(e));
    events.warning(current, Reasons.RETRYING, current.getStatus().getMessage());
    statusPatcher.patch(current, context);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private PromotionRollback markRunning(
      PromotionRollback rollback, Context<PromotionRollback> context) {
    transitions.running(
        rollback,
        RollbackStatusTransitions.statusOf(rollback),
        rollback.getSpec().isDryRun() ? "computing the rollback" : "rolling back");
    events.normal(rollback, Reasons.IN_PROGRESS, rollback.getStatus().getMessage());
    return statusPatcher.patch(rollback, context);
  }

  private UpdateControl<PromotionRollback> fail(
      PromotionRollback rollback,
      String reason,
      String message,
      Context<PromotionRollback> context) {
    transitions.failed(rollback, RollbackStatusTransitions.statusOf(rollback), reason, message);
    events.warning(rollback, reason, message);
    metrics.finished(
        "rollback",
        "Failed",
        "-",
        String.valueOf(rollback.getSpec().getTargetEnv()),
        elapsed(rollback));
    statusPatcher.patch(rollback, context);
    return UpdateControl.noUpdate();
  }

  /**
   * The configured repository a rollback runs on; null when there is none (the first repository's
   * holder fails it).
   */
  private String repositoryOf(PromotionRollback rollback, Context<PromotionRollback> context) {
    try {
      return rollbacks.repositoryName(
          RollbackTarget.of(rollback, context.getClient()).repository());
    } catch (RollbackTarget.Unresolvable | RequestRejectedException e) {
      return null;
    }
  }

  private static RollbackParameters parameters(PromotionRollback r, RollbackTarget target) {
    return new RollbackParameters(
        r.getMetadata().getUid(),
        target.group(),
        target.targetEnv(),
        r.getSpec().isDryRun(),
        r.getSpec().isForce(),
        r.getSpec().getReason(),
        RequesterAnnotation.of(r),
        null,
        target.promotionId(),
        r.getSpec().isEmergency());
  }

  private Duration elapsed(PromotionRollback r) {
    String started = r.getStatus() == null ? null : r.getStatus().getStartedAt();
    return started == null
        ? Duration.ZERO
        : Duration.between(Instant.parse(started), Instant.now(clock));
  }
}
