package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.run.ReviewableRequest;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase {@code AwaitingMerge} of a Promotion or PromotionRollback (its {@link
 * MergeRequestSubject}): the run's commit is on its review branch and its GitLab merge request is
 * open. The request is looked at with a growing wait (the settings' poll interval, doubling up to
 * the maximum; back to the first after any change); each change is an Event. Merged: the run is
 * handed back to the writer to resume from the commit the request landed as, and the after-steps
 * run on it. Closed: Failed {@code MergeRequestClosed}. Past its time limit: the request is closed
 * and its branch deleted, Failed {@code MergeRequestExpired}. Superseded by a newer promotion of
 * the same group and environment with a request of its own: the request is closed with a note
 * linking the newer one and its branch deleted, Failed {@code Superseded}. Deleted while awaiting,
 * or while its execution was still under way: the request is closed and its branch deleted.
 *
 * @param <S> the resource's status
 * @param <R> the resource
 */
final class MergeRequestStage<S extends RunStatus, R extends CustomResource<?, S>> {
  private static final Logger LOG = LoggerFactory.getLogger(MergeRequestStage.class);

  /** Ends a run: (resource, reason, message) -> the reconciler's answer. */
  interface Failure<R extends HasMetadata> {
    UpdateControl<R> fail(R resource, String reason, String message);
  }

  private final MergeRequestSubject<R> subject;
  private final MergeRequestTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final Clock clock;
  private final Consumer<R> wake;
  private final Map<String, Integer> unchangedLooks = new ConcurrentHashMap<>();
  private final MergeRequestReplan<S, R> replans;

  /**
   * @param subject what the stage needs of the kind of resource it follows
   * @param wake has a resource looked at again soon
   */
  MergeRequestStage(
      MergeRequestSubject<R> subject,
      RunTransitions transitions,
      StatusPatcher statusPatcher,
      EventRecorder events,
      Clock clock,
      Consumer<R> wake) {
    this.subject = subject;
    this.wake = wake;
    this.transitions = new MergeRequestTransitions(transitions);
    this.replans = new MergeRequestReplan<>(this.transitions, statusPatcher, events, subject::api);
    this.statusPatcher = statusPatcher;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Enters AwaitingMerge once the writer delivered the commit to its review branch and opened the
   * request.
   */
  UpdateControl<R> start(
      R delivered, Context<R> context, ReviewableRequest request, TargetRepository repository) {
    String branch = request.reviewBranch();
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
    R patched = statusPatcher.patch(delivered, context);
    unchangedLooks.put(delivered.getMetadata().getUid(), 0);
    // The older requests of the group and environment close themselves when they look next.
    subject.olderAwaiting(patched, context.getPrimaryCache().list().toList()).forEach(wake);
    return UpdateControl.<R>noUpdate().rescheduleAfter(settings.pollAfter(0));
  }

  /** What happens when the branch moved under a request: re-plans and their ends. */
  MergeRequestReplan<S, R> replans() {
    return replans;
  }

  /**
   * Looks at the request once.
   *
   * @param land hands the run back to the writer with the commit the request landed as
   * @param replan hands the run back to the writer to be planned again on the branch's new head,
   *     replacing the review branch while it is still at the given commit
   */
  UpdateControl<R> follow(
      R awaiting,
      Context<R> context,
      ReviewableRequest request,
      TargetRepository repository,
      Consumer<String> land,
      Consumer<String> replan,
      Failure<R> failure) {
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
      return UpdateControl.<R>noUpdate().rescheduleAfter(PromotionReconciler.SAFETY_NET);
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
              + " was closed without being merged; "
              + subject.nothingDone());
    }
    Optional<R> newer = subject.newerThan(awaiting, context.getPrimaryCache().list().toList());
    if (newer.isPresent()) {
      unchangedLooks.remove(uid);
      return supersede(awaiting, known, newer.get(), api, project(repository), failure);
    }
    Instant deadline = known.getDeadline() == null ? null : Instant.parse(known.getDeadline());
    if (deadline != null && !clock.instant().isBefore(deadline)) {
      api.close(
          project(repository),
          mr.iid(),
          "The time limit of "
              + subject.describe(awaiting)
              + " passed before this merge request was merged; promotion-operator closed it and"
              + " deletes its branch.");
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
              + " deleted; "
              + subject.nothingDone());
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
      return UpdateControl.<R>noUpdate().rescheduleAfter(PromotionReconciler.SAFETY_NET);
    }
    unchangedLooks.put(uid, looks);
    Duration wait = settings.pollAfter(looks);
    if (deadline != null) {
      Duration untilDeadline = Duration.between(clock.instant(), deadline);
      wait = untilDeadline.compareTo(wait) < 0 ? untilDeadline : wait;
    }
    return UpdateControl.<R>noUpdate().rescheduleAfter(wait.isNegative() ? Duration.ZERO : wait);
  }

  private UpdateControl<R> supersede(
      R awaiting,
      MergeRequestStatus known,
      R newer,
      MergeRequests api,
      String project,
      Failure<R> failure) {
    String newerName = newer.getMetadata().getNamespace() + "/" + newer.getMetadata().getName();
    MergeRequestStatus newerRequest = newer.getStatus().getMergeRequest();
    api.close(
        project,
        known.getIid(),
        "Superseded by merge request !"
            + newerRequest.getIid()
            + " "
            + newerRequest.getUrl()
            + " of the newer "
            + newer.getKind()
            + " "
            + newerName
            + " of the same group into the same environment; promotion-operator closed this"
            + " request and deletes its branch.");
    api.deleteBranch(project, known.getSourceBranch());
    transitions.seen(awaiting, api.get(project, known.getIid()));
    return failure.fail(
        awaiting,
        Reasons.SUPERSEDED,
        "superseded by "
            + newer.getKind()
            + " "
            + newerName
            + " (merge request !"
            + newerRequest.getIid()
            + "): merge request !"
            + known.getIid()
            + " was closed and branch "
            + known.getSourceBranch()
            + " deleted; "
            + subject.nothingDone());
  }

  /**
   * A deleted resource's request: closed with a note and its branch deleted while it awaits its
   * merge, or while its execution is still under way ({@code unfinished}: its writer may have
   * pushed the review branch and opened the request before AwaitingMerge was written, so both are
   * looked up by the branch's name); anything else is left as it is.
   *
   * @param unfinished the request of an execution through a merge request that has not reached
   *     AwaitingMerge nor finished, null for any other resource
   */
  void withdraw(R deleted, Context<R> context, ReviewableRequest unfinished) {
    unchangedLooks.remove(deleted.getMetadata().getUid());
    RunStatus status = deleted.getStatus();
    boolean awaiting =
        status != null
            && status.getPhase() == Phase.AWAITING_MERGE
            && status.getMergeRequest() != null;
    if (!awaiting && unfinished == null) {
      return;
    }
    Optional<TargetRepository> configured = subject.repository(deleted, context);
    if (configured.isEmpty()) {
      return; // its repository is no longer configured: nothing this operator can reach
    }
    TargetRepository repository = configured.get();
    MergeRequests api = api(repository);
    String project = project(repository);
    String note =
        subject.describe(deleted)
            + " was deleted before this merge request was merged; promotion-operator closed it"
            + " and deletes its branch.";
    try {
      if (awaiting) {
        MergeRequestStatus known = status.getMergeRequest();
        api.close(project, known.getIid(), note);
        api.deleteBranch(project, known.getSourceBranch());
        return;
      }
      String branch = unfinished.reviewBranch();
      Optional<MergeRequestState> opened = api.findBySourceBranch(project, branch);
      if (opened.filter(MergeRequestState::isMerged).isPresent()) {
        return; // merged meanwhile: the change landed, its branch is GitLab's to remove
      }
      opened.filter(MergeRequestState::isOpen).ifPresent(mr -> api.close(project, mr.iid(), note));
      api.deleteBranch(project, branch);
    } catch (GitLabRejectedException e) {
      // Refused for good (the request or project is gone, no permission): retrying would only
      // hold the deletion up.
      LOG.warn("could not withdraw the merge request of a deleted resource: {}", e.getMessage());
    }
  }

  private MergeRequests api(TargetRepository repository) {
    return subject.api(repository);
  }

  private static String project(TargetRepository repository) {
    return repository.gitlab().project();
  }
}
