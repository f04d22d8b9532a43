package io.gitops.promotion.reconciler;

import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase {@code AwaitingMerge}: the promotion's commit is on its review branch and its GitLab merge
 * request is open. The request is looked at with a growing wait (the settings' poll interval,
 * doubling up to the maximum; back to the first after any change); each change is an Event. Merged:
 * the run is handed back to the writer to resume from the commit the request landed as, and the
 * after-steps run on it. Closed: Failed {@code MergeRequestClosed}. Past its time limit: the
 * request is closed and its branch deleted, Failed {@code MergeRequestExpired}. Superseded by a
 * newer promotion of the same group and environment with a request of its own: the request is
 * closed with a note linking the newer one and its branch deleted, Failed {@code Superseded}.
 * Deleted while awaiting: the request is closed and its branch deleted.
 */
final class MergeRequestStage {
  private static final Logger LOG = LoggerFactory.getLogger(MergeRequestStage.class);

  /** Ends a run: (promotion, reason, message) -> the reconciler's answer. */
  interface Failure {
    UpdateControl<Promotion> fail(Promotion promotion, String reason, String message);
  }

  private final PromotionService promotions;
  private final MergeRequestTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final Clock clock;
  private final Function<Promotion, String> repositoryOf;
  private final Consumer<Promotion> wake;
  private final Map<String, Integer> unchangedLooks = new ConcurrentHashMap<>();
  private final MergeRequestReplan replans;

  /**
   * @param repositoryOf the configured repository a promotion runs on
   * @param wake has a promotion looked at again soon
   */
  MergeRequestStage(
      PromotionService promotions,
      PromotionStatusTransitions transitions,
      StatusPatcher statusPatcher,
      EventRecorder events,
      Clock clock,
      Function<Promotion, String> repositoryOf,
      Consumer<Promotion> wake) {
    this.promotions = promotions;
    this.repositoryOf = repositoryOf;
    this.wake = wake;
    this.transitions = new MergeRequestTransitions(transitions);
    this.replans =
        new MergeRequestReplan(this.transitions, statusPatcher, events, promotions::mergeRequests);
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
    Promotion patched = statusPatcher.patch(delivered, context);
    unchangedLooks.put(delivered.getMetadata().getUid(), 0);
    // The older requests of the group and environment close themselves when they look next.
    Supersession.olderAwaiting(patched, context.getPrimaryCache().list().toList(), repositoryOf)
        .forEach(wake);
    return UpdateControl.<Promotion>noUpdate().rescheduleAfter(settings.pollAfter(0));
  }

  /** What happens when the branch moved under a request: re-plans and their ends. */
  MergeRequestReplan replans() {
    return replans;
  }

  /**
   * Looks at the request once.
   *
   * @param land hands the run back to the writer with the commit the request landed as
   * @param replan hands the run back to the writer to be planned again on the branch's new head,
   *     replacing the review branch while it is still at the given commit
   */
  UpdateControl<Promotion> follow(
      Promotion awaiting,
      Context<Promotion> context,
      PromotionRequest request,
      TargetRepository repository,
      Consumer<String> land,
      Consumer<String> replan,
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
    Optional<Promotion> newer =
        Supersession.newerThan(awaiting, context.getPrimaryCache().list().toList(), repositoryOf);
    if (newer.isPresent()) {
      unchangedLooks.remove(uid);
      return supersede(awaiting, known, newer.get(), api, project(repository), failure);
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
    String previousMessage = awaiting.getStatus().getMessage();
    int looks;
    if (transitions.seen(awaiting, mr)) {
      events.normal(awaiting, Reasons.MERGE_REQUEST_CHANGED, awaiting.getStatus().getMessage());
      statusPatcher.patch(awaiting, context);
      looks = 0;
    } else {
      looks = unchangedLooks.getOrDefault(uid, 0) + 1;
    }
    if (mr.cannotMerge() && replans.replanOrHold(awaiting, context, mr, previousMessage, replan)) {
      unchangedLooks.put(uid, 0);
      return UpdateControl.<Promotion>noUpdate().rescheduleAfter(PromotionReconciler.SAFETY_NET);
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

  private UpdateControl<Promotion> supersede(
      Promotion awaiting,
      MergeRequestStatus known,
      Promotion newer,
      MergeRequests api,
      String project,
      Failure failure) {
    String newerName = newer.getMetadata().getNamespace() + "/" + newer.getMetadata().getName();
    MergeRequestStatus newerRequest = newer.getStatus().getMergeRequest();
    api.close(
        project,
        known.getIid(),
        "Superseded by merge request !"
            + newerRequest.getIid()
            + " "
            + newerRequest.getUrl()
            + " of the newer Promotion "
            + newerName
            + " of the same group into the same environment; promotion-operator closed this"
            + " request and deletes its branch.");
    api.deleteBranch(project, known.getSourceBranch());
    transitions.seen(awaiting, api.get(project, known.getIid()));
    return failure.fail(
        awaiting,
        Reasons.SUPERSEDED,
        "superseded by Promotion "
            + newerName
            + " (merge request !"
            + newerRequest.getIid()
            + "): merge request !"
            + known.getIid()
            + " was closed and branch "
            + known.getSourceBranch()
            + " deleted; nothing was promoted");
  }

  /**
   * A deleted promotion's request: closed with a note and its branch deleted while it awaits its
   * merge; anything else is left as it is.
   */
  void withdraw(Promotion deleted) {
    String uid = deleted.getMetadata().getUid();
    unchangedLooks.remove(uid);
    if (deleted.getStatus() == null
        || deleted.getStatus().getPhase() != Phase.AWAITING_MERGE
        || deleted.getStatus().getMergeRequest() == null) {
      return;
    }
    MergeRequestStatus known = deleted.getStatus().getMergeRequest();
    TargetRepository repository;
    try {
      repository = promotions.repository(deleted.getSpec().getRepository());
    } catch (RequestRejectedException e) {
      return; // its repository is no longer configured: nothing this operator can reach
    }
    MergeRequests api = api(repository);
    try {
      api.close(
          project(repository),
          known.getIid(),
          "Promotion "
              + deleted.getMetadata().getNamespace()
              + "/"
              + deleted.getMetadata().getName()
              + " was deleted before this merge request was merged; promotion-operator closed it"
              + " and deletes its branch.");
      api.deleteBranch(project(repository), known.getSourceBranch());
    } catch (GitLabRejectedException e) {
      // Refused for good (the request or project is gone, no permission): retrying would only
      // hold the deletion up.
      LOG.warn("could not withdraw merge request !{}: {}", known.getIid(), e.getMessage());
    }
  }

  private MergeRequests api(TargetRepository repository) {
    return promotions.mergeRequests(repository);
  }

  private static String project(TargetRepository repository) {
    return repository.gitlab().project();
  }
}
