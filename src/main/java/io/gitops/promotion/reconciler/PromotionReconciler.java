package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.engine.PromotionEngine.RunOptions;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gate.GateClosedException;
import io.gitops.promotion.gate.GateDecision;
import io.gitops.promotion.gitlabhook.MergeRequestSignals;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.run.RepositoryWriter;
import io.gitops.promotion.run.ReviewBranchMovedException;
import io.gitops.promotion.steps.AfterStepException;
import io.gitops.promotion.steps.AfterSteps;
import io.gitops.promotion.steps.StepInput;
import io.gitops.promotion.steps.StepOutcome;
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
import java.util.Set;

/**
 * Runs each Promotion once: validate, wait for its turn on the repository, hand it to the
 * repository's writer (which lands it in a batch and wakes it), run the after-steps, write the
 * status. Previews stop at Previewed; approving one ({@code dryRun: false}) executes the previewed
 * plan.
 */
@ControllerConfiguration(name = "promotion")
@GradualRetry(
    maxAttempts = 100,
    initialInterval = 2000,
    intervalMultiplier = 2,
    maxInterval = 300_000)
public final class PromotionReconciler implements Reconciler<Promotion>, Cleaner<Promotion> {
  /**
   * A promotion waiting for the writer is woken by it; this long reschedule only covers a wake-up
   * lost to a restart of the writer's thread.
   */
  static final Duration SAFETY_NET = Duration.ofSeconds(60);

  private final PromotionService promotions;
  private final AfterSteps<PromotionResult> afterSteps;
  private final RunFailures failures;
  private final PromotionStatusTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final PromotionMetrics metrics;
  private final Clock clock;
  private final SimpleInboundEventSource<Promotion> wakeUps =
      new SimpleInboundEventSource<>("promotion-writer");
  private final SettledRuns settled = new SettledRuns();
  private final ArgoApplications applications;
  private final VerificationStage verification;
  private final RepositoryLeases leases;
  private final MergeRequestStage<PromotionStatus, Promotion> mergeRequests;
  private final MergeRequestSignals hooks;

  /**
   * @param leases the repositories this replica works on; it leaves every other resource alone
   * @param hooks merge requests GitLab's webhook said changed: the promotions awaiting them look at
   *     once
   */
  public PromotionReconciler(
      PromotionService promotions,
      AfterSteps<PromotionResult> afterSteps,
      StatusPatcher statusPatcher,
      EventRecorder events,
      PromotionMetrics metrics,
      Clock clock,
      Set<String> argoNamespaces,
      RepositoryLeases leases,
      MergeRequestSignals hooks) {
    this.hooks = hooks;
    this.leases = leases;
    this.promotions = promotions;
    this.afterSteps = afterSteps;
    this.failures = new RunFailures();
    this.transitions = new PromotionStatusTransitions(clock);
    this.statusPatcher = statusPatcher;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.applications = new ArgoApplications(argoNamespaces);
    this.verification =
        new VerificationStage(
            promotions, applications, transitions, statusPatcher, events, metrics, clock);
    this.mergeRequests =
        new MergeRequestStage<>(
            new PromotionMergeRequests(promotions, this::repositoryName),
            transitions,
            statusPatcher,
            events,
            clock,
            p -> wake(p).run());
  }

  @Override
  public List<EventSource<?, Promotion>> prepareEventSources(
      EventSourceContext<Promotion> context) {
    List<EventSource<?, Promotion>> sources = new java.util.ArrayList<>(List.of(wakeUps));
    sources.addAll(applications.eventSources(context));
    LeaseWakeUps.register(leases, context, wakeUps, this::repositoryName);
    MergeRequestWakeUps.register(
        hooks, context, wakeUps, this::repositoryName, PromotionStatus::getMergeRequest);
    return sources;
  }

  @Override
  public UpdateControl<Promotion> reconcile(Promotion promotion, Context<Promotion> context) {
    Phase phase = promotion.getStatus() == null ? null : promotion.getStatus().getPhase();
    if (phase != null && phase.isFinished()
        || phase == Phase.PREVIEWED && promotion.getSpec().isDryRun()) {
      return UpdateControl.noUpdate();
    }
    if (!leases.holds(repositoryName(promotion))) {
      return UpdateControl.noUpdate(); // another replica holds the repository's Lease
    }
    PromotionRequest request;
    String repositoryName;
    try {
      request = promotions.validate(parameters(promotion));
      repositoryName = promotions.repositoryName(promotion.getSpec().getRepository());
    } catch (RequestRejectedException e) {
      return fail(promotion, e.reason().code(), e.getMessage(), context);
    }
    if (phase == Phase.VERIFYING) {
      return verification.check(
          promotion,
          promotions.repository(promotion.getSpec().getRepository()),
          request.target(),
          context);
    }
    RepositoryWriter writer = promotions.writer(repositoryName);
    Optional<RepositoryWriter.Finished> finished = writer.take(request.promotionId());
    if (finished.isPresent()) {
      return finish(promotion, request, repositoryName, finished.get(), context);
    }
    if (writer.holds(request.promotionId())) {
      return UpdateControl.<Promotion>noUpdate().rescheduleAfter(SAFETY_NET);
    }
    TargetRepository repository;
    try {
      repository = promotions.repository(promotion.getSpec().getRepository());
    } catch (RequestRejectedException e) {
      return fail(promotion, e.reason().code(), e.getMessage(), context);
    }
    if (phase == Phase.AWAITING_MERGE) {
      return mergeRequests.follow(
          promotion,
          context,
          request,
          repository,
          landed ->
              promotions.submit(
                  repository,
                  request,
                  runOptions(promotion).landedAs(landed),
                  ExecutionOrder.key(promotion),
                  wake(promotion),
                  () -> false),
          replaced ->
              promotions.replan(
                  repository,
                  request,
                  runOptions(promotion),
                  ExecutionOrder.key(promotion),
                  wake(promotion),
                  promotion.getStatus().getMergeRequest().getIid(),
                  replaced),
          (p, reason, message) -> fail(p, reason, message, context));
    }
    boolean starting = phase != Phase.RUNNING;
    Promotion running = starting ? markRunning(promotion, context) : promotion;
    // Handed over at once; the writer lands it only after every older promotion of the repository,
    // read from the cache when its batch is formed, so commits keep creation order across batches.
    promotions.submit(
        repository,
        request,
        runOptions(running),
        ExecutionOrder.key(running),
        wake(running),
        () ->
            ExecutionOrder.blockedBy(
                    running,
                    context.getPrimaryCache().list().toList(),
                    this::repositoryName,
                    other ->
                        writer.holds(other.getMetadata().getUid())
                            || settled.contains(other.getMetadata().getUid()))
                != null);
    // The Events follow the hand-over: the writer does not wait for them.
    if (starting) {
      events.normal(running, Reasons.IN_PROGRESS, running.getStatus().getMessage());
    }
    promotions
        .overriddenGate(request)
        .ifPresent(
            gate ->
                events.warning(
                    running,
                    Reasons.GATE_OVERRIDDEN,
                    "forced through a closed gate (" + gate.message() + "): " + request.reason()));
    return UpdateControl.<Promotion>noUpdate().rescheduleAfter(SAFETY_NET);
  }

  /** Writes what the repository's writer did with the promotion, then runs the after-steps. */
  private UpdateControl<Promotion> finish(
      Promotion running,
      PromotionRequest request,
      String repositoryName,
      RepositoryWriter.Finished finished,
      Context<Promotion> context) {
    PromotionResult done;
    try {
      done = (PromotionResult) finished.orThrow();
    } catch (GateClosedException e) {
      return gated(running, repositoryName, e.decision(), context);
    } catch (ReviewBranchMovedException e) {
      return mergeRequests.replans().branchMoved(running, context, e, nextLook(request, running));
    } catch (RuntimeException e) {
      return failures
          .terminal(e)
          .map(
              t -> {
                mergeRequests.replans().endIfReplan(running, repositoryOf(running), t.message());
                return fail(running, t.reason(), t.message(), context);
              })
          .orElseThrow(() -> e);
    }
    boolean replanned = MergeRequestReplan.isReplan(running);
    transitions.recorded(running, done);
    metrics.gitTraffic(done.counts());
    boolean pushed = done.outcome() == PromotionOutcome.PROMOTED;
    if (pushed && !done.resumed() && request.target().gatedByMergeRequest()) {
      settle(running);
      return replanned
          ? mergeRequests
              .replans()
              .replaced(running, context, done.commit(), nextLook(request, running))
          : mergeRequests.start(running, context, request, repositoryOf(running));
    }
    if (replanned && done.outcome() == PromotionOutcome.NOTHING_TO_PROMOTE) {
      mergeRequests.replans().endIfReplan(running, repositoryOf(running), null);
    }
    // The commit goes on the status before after-steps that talk to other systems; with none to
    // run, the final write records it (a crash before then resumes from the pushed commit).
    // Read once: each read of the repository's settings reads its Secret from the API server.
    TargetRepository repository = pushed ? repositoryOf(running) : null;
    boolean stepsToRun = pushed && afterSteps.haveWorkFor(repository);
    Promotion recorded = stepsToRun ? statusPatcher.patch(running, context) : running;
    if (pushed) {
      try {
        runAfterSteps(recorded, repository, done, context);
      } catch (AfterStepException e) {
        if (e.terminal()) {
          return fail(recorded, e.reason(), e.getMessage(), context);
        }
        throw e;
      }
      Optional<UpdateControl<Promotion>> verifying =
          verification.start(
              recorded, done.changedServices(), repository, request.target(), context);
      if (verifying.isPresent()) {
        metrics.finished(
            "promotion",
            done.outcome().label(),
            request.source().name(),
            request.target().name(),
            elapsed(recorded));
        settle(recorded);
        return verifying.get();
      }
    }
    transitions.finished(recorded, done);
    metrics.finished(
        "promotion",
        done.outcome().label(),
        request.source().name(),
        request.target().name(),
        elapsed(recorded));
    statusPatcher.patch(recorded, context);
    settle(recorded);
    // After the status: whoever waits for the phase does not wait for the Event too.
    events.normal(recorded, recorded.getStatus().getReason(), recorded.getStatus().getMessage());
    return UpdateControl.noUpdate();
  }

  /**
   * Lets the promotions waiting behind this one go: its end is a status write the writer never
   * sees, and the informer cache may not show it yet when they look.
   */
  private void settle(Promotion promotion) {
    settled.add(promotion.getMetadata().getUid());
    String repository = repositoryName(promotion);
    if (repository != null) {
      promotions.writer(repository).wakeWaiting();
    }
  }

  /** Pending until the gate opens; the promotions behind it go on meanwhile. */
  private UpdateControl<Promotion> gated(
      Promotion running, String repositoryName, GateDecision gate, Context<Promotion> context) {
    boolean alreadyGated =
        running.getStatus().getGate() != null
            && gate.message().equals(running.getStatus().getGate().getMessage());
    transitions.gated(running, gate);
    if (!alreadyGated) {
      events.normal(running, gate.reason(), gate.message());
    }
    statusPatcher.patch(running, context);
    promotions.writer(repositoryName).wakeWaiting();
    return UpdateControl.<Promotion>noUpdate().rescheduleAfter(GateWait.until(gate, clock));
  }

  private Runnable wake(Promotion promotion) {
    ResourceID id = ResourceID.fromResource(promotion);
    return () -> wakeUps.propagateEvent(id);
  }

  /**
   * The after-steps, once the commit is on the resource's status. A terminal failure fails the
   * promotion (the push stays); anything else is retried, and the retry finds the pushed commit and
   * resumes here.
   */
  private void runAfterSteps(
      Promotion running,
      TargetRepository repository,
      PromotionResult result,
      Context<Promotion> context) {
    try {
      afterSteps.run(
          new StepInput<>(repository, result, Instant.parse(running.getStatus().getStartedAt())),
          outcome -> record(running, outcome));
    } catch (AfterStepException e) {
      if (!e.terminal()) {
        statusPatcher.patch(running, context);
      }
      throw e;
    }
  }

  private void record(Promotion running, StepOutcome outcome) {
    transitions.step(PromotionStatusTransitions.statusOf(running), outcome);
    if (outcome.details() instanceof PublishResult published) {
      transitions.published(running, published);
      if (published.unreleasedChanges() > 0 && outcome.result() != StepOutcome.Result.FAILED) {
        metrics.unreleasedChanges(
            running.getSpec().getWorkloadGroup(), published.unreleasedChanges());
        events.warning(
            running, Reasons.LEFT_WITHOUT_RELEASE, String.join("; ", published.warnings()));
      }
    }
  }

  /**
   * The finalizer: a promotion awaiting its merge, or deleted while its execution into a gated
   * environment was under way, withdraws its request and review branch (once its writer is done
   * with it: a queued one is never landed); any other is let go at once, touching nothing. A
   * repository held by another replica is that replica's to clean up.
   */
  @Override
  public DeleteControl cleanup(Promotion promotion, Context<Promotion> context) {
    Phase phase = promotion.getStatus() == null ? null : promotion.getStatus().getPhase();
    PromotionRequest unfinished = phase == Phase.AWAITING_MERGE ? null : unfinished(promotion);
    String repositoryName = repositoryName(promotion);
    if ((phase == Phase.AWAITING_MERGE || unfinished != null) && !leases.holds(repositoryName)) {
      return DeleteControl.noFinalizerRemoval();
    }
    if (repositoryName != null
        && promotions.writer(repositoryName).withdraw(promotion.getMetadata().getUid())) {
      // its writer wakes it once the landing is over, and the finalizer runs again
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(SAFETY_NET);
    }
    mergeRequests.withdraw(promotion, context, unfinished);
    return DeleteControl.defaultDelete();
  }

  /**
   * The request of a promotion whose execution into an environment gated by merge request has not
   * finished nor merged; null for any other (finished, verifying, a preview, pushed directly, no
   * longer valid).
   */
  private PromotionRequest unfinished(Promotion promotion) {
    Phase phase = promotion.getStatus() == null ? null : promotion.getStatus().getPhase();
    if (phase != null && (phase.isFinished() || phase == Phase.VERIFYING)
        || promotion.getSpec().isDryRun()) {
      return null;
    }
    try {
      PromotionRequest request = promotions.validate(parameters(promotion));
      return request.target().gatedByMergeRequest() ? request : null;
    } catch (RequestRejectedException e) {
      return null;
    }
  }

  @Override
  public ErrorStatusUpdateControl<Promotion> updateErrorStatus(
      Promotion promotion, Context<Promotion> context, Exception e) {
    Promotion current = statusPatcher.latest(promotion);
    transitions.retrying(current, failures.describe(e));
    events.warning(current, Reasons.RETRYING, current.getStatus().getMessage());
    statusPatcher.patch(current, context);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  private Promotion markRunning(Promotion promotion, Context<Promotion> context) {
    transitions.running(promotion);
    return statusPatcher.patch(promotion, context);
  }

  private UpdateControl<Promotion> fail(
      Promotion promotion, String reason, String message, Context<Promotion> context) {
    transitions.failed(promotion, reason, message);
    events.warning(promotion, reason, message);
    PromotionSpec spec = promotion.getSpec();
    metrics.finished(
        "promotion", "Failed", spec.getSourceEnv(), spec.getTargetEnv(), elapsed(promotion));
    statusPatcher.patch(promotion, context);
    settle(promotion);
    return UpdateControl.noUpdate();
  }

  /** The first wait between looks at a promotion's merge request. */
  private Duration nextLook(PromotionRequest request, Promotion promotion) {
    return repositoryOf(promotion).mergeRequestInto(request.target()).pollAfter(0);
  }

  private TargetRepository repositoryOf(Promotion promotion) {
    return promotions.repository(promotion.getSpec().getRepository());
  }

  private String repositoryName(Promotion promotion) {
    try {
      return promotions.repositoryName(promotion.getSpec().getRepository());
    } catch (RequestRejectedException e) {
      return null;
    }
  }

  private static PromotionParameters parameters(Promotion p) {
    PromotionSpec spec = p.getSpec();
    return new PromotionParameters(
        p.getMetadata().getUid(),
        spec.getWorkloadGroup(),
        spec.getSourceEnv(),
        spec.getTargetEnv(),
        spec.getVersionService(),
        spec.isDryRun(),
        spec.isForce(),
        spec.getReason(),
        RequesterAnnotation.of(p));
  }

  /**
   * An approval executes the previewed plan; any earlier attempt may have pushed since creation.
   */
  private static RunOptions runOptions(Promotion p) {
    String approved =
        p.getSpec().isDryRun() || p.getStatus() == null ? null : p.getStatus().getPlanFingerprint();
    return new RunOptions(
        approved,
        Instant.parse(p.getMetadata().getCreationTimestamp()),
        null,
        "Promotion " + p.getMetadata().getNamespace() + "/" + p.getMetadata().getName());
  }

  private Duration elapsed(Promotion p) {
    String started = p.getStatus() == null ? null : p.getStatus().getStartedAt();
    return started == null
        ? Duration.ZERO
        : Duration.between(Instant.parse(started), Instant.now(clock));
  }
}
