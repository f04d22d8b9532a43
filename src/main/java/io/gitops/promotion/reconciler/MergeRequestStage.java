package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Phase {@code AwaitingMerge}: the promotion's commit is on its review branch and its GitLab merge
 * request is open. The request is looked at with a growing wait (the settings' poll interval,
 * doubling up to the maximum; back to the first after any change); each change is an Event. Merged:
 * the run is handed back to the writer to resume from the commit the request landed as, and the
 * after-steps run on it. Closed: Failed {@code MergeRequestClosed}. Past its time limit: the
 * request is closed and its branch deleted, Failed {@code MergeRequestExpired}.
 */
final class MergeRequestStage {
  /** Ends a run: (promotion, reason, message) -> the reconciler's answer. */
  interface Failure {
    UpdateControl<Promotion> fail(Promotion promotion, String reason, String message);
  }

  private final PromotionService promotions;
  private final MergeRequestTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final Clock clock;
  private final Map<String, Integer> unchangedLooks = new ConcurrentHashMap<>();

  MergeRequestStage(
      PromotionService promotions,
      PromotionStatusTransitions transitions,
      StatusPatcher statusPatcher,
      EventRecorder events,
      Clock clock) {
    this.promotions = promotions;
    this.transitions = new MergeRequestTransitions(transitions);
    this.statusPatcher = statusPatcher;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Enters AwaitingMerge once the writer delivered the commit to its review branch and opened the
   * request.
   */
  UpdateControl<Promotion> start(
      Promotion delivered,
      Context<Promotion> context,
      PromotionRequest request,
      TargetRepository repository) {
    String branch = PromotionService.reviewBranch(request);
    MergeRequestState mr =
        api(repository)
            .findBySourceBranch(project(repository), branch)
            .orElseThrow(
                () -> new IllegalStateException("no merge request from branch " + branch + " yet"));
    MergeRequestSettings settings = repository.mergeRequestInto(request.target());
    transitions.awaitingMerge(
        delivered, mr, branch, settings.limit().map(clock.instant()::plus).orElse(null));
    events.normal(
        delivered,
        Reasons.MERGE_REQUEST_OPENED,
        "merge request !"
            + mr.iid()
            + " "
            + mr.webUrl()
            + " from branch "
            + branch
            + " into "
            + repository.remote().branch());
    statusPatcher.patch(delivered, context);
    unchangedLooks.put(delivered.getMetadata().getUid(), 0);
    return UpdateControl.<Promotion>noUpdate().rescheduleAfter(settings.pollAfter(0));
  }

  /**
   * Looks at the request once.
   *
   * @param land hands the run back to the writer with the commit the request landed as
   */
  UpdateControl<Promotion> follow(
      Promotion awaiting,
      Context<Promotion> context,
      PromotionRequest request,
      TargetRepository repository,
      Consumer<String> land,
      Failure failure) {
    MergeRequestStatus known = awaiting.getStatus().getMergeRequest();
    MergeRequestSettings settings = repository.mergeRequestInto(request.target());
    MergeRequests api = api(repository);
    MergeRequestState mr = api.get(project(repository), known.getIid());
    String uid = awaiting.getMetadata().getUid();
    if (mr.isMerged()) {
      transitions.merged(awaiting, mr);
      events.normal(awaiting, Reasons.MERGE_REQUEST_MERGED, awaiting.getStatus().getMessage());
      statusPatcher.patch(awaiting, context);
      unchangedLooks.remove(uid);
      land.accept(mr.landedCommit());
      return UpdateControl.<Promotion>noUpdate().rescheduleAfter(PromotionReconciler.SAFETY_NET);
    }
    if (mr.isClosed()) {
      transitions.seen(awaiting, mr);
      unchangedLooks.remove(uid);
      return failure.fail(
          awaiting,
          Reasons.MERGE_REQUEST_CLOSED,
          "merge request !"
              + mr.iid()
              + " "
              + mr.webUrl()
              + " was closed without being merged; nothing was promoted");
    }
    Instant deadline = known.getDeadline() == null ? null : Instant.parse(known.getDeadline());
    if (deadline != null && !clock.instant().isBefore(deadline)) {
      api.close(
          project(repository),
          mr.iid(),
          "The promotion's time limit passed before this merge request was"
              + " merged; promotion-operator closed it and deletes its branch.");
      api.deleteBranch(project(repository), known.getSourceBranch());
      transitions.seen(awaiting, api.get(project(repository), mr.iid()));
      unchangedLooks.remove(uid);
      return failure.fail(
          awaiting,
          Reasons.MERGE_REQUEST_EXPIRED,
          "merge request !"
              + mr.iid()
              + " was not merged by "
              + known.getDeadline()
              + ": it was closed and branch "
              + known.getSourceBranch()
              + " deleted; nothing was promoted");
    }
    int looks;
    if (transitions.seen(awaiting, mr)) {
      events.normal(awaiting, Reasons.MERGE_REQUEST_CHANGED, awaiting.getStatus().getMessage());
      statusPatcher.patch(awaiting, context);
      looks = 0;
    } else {
      looks = unchangedLooks.getOrDefault(uid, 0) + 1;
    }
    unchangedLooks.put(uid, looks);
    Duration wait = settings.pollAfter(looks);
    if (deadline != null) {
      Duration untilDeadline = Duration.between(clock.instant(), deadline);
      wait = untilDeadline.compareTo(wait) < 0 ? untilDeadline : wait;
    }
    return UpdateControl.<Promotion>noUpdate()
        .rescheduleAfter(wait.isNegative() ? Duration.ZERO : wait);
  }

  private MergeRequests api(TargetRepository repository) {
    return promotions.mergeRequests(repository);
  }

  private static String project(TargetRepository repository) {
    return repository.gitlab().project();
  }
}
