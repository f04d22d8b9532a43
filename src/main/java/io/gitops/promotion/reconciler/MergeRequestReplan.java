package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.client.CustomResource;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The branch moved under an open merge request, and GitLab says the request cannot merge (a
 * conflict, or a rebase is needed). While the review branch still holds the operator's own commit
 * (GitLab reports the commit on the status as the request's head), the promotion is planned again
 * on the branch's new head and its one new commit replaces the review branch: the request stays
 * (same iid) and {@code status.mergeRequest.replans} counts. A commit anyone else pushed there is
 * never overwritten: a Warning Event and the status message say so, and the promotion keeps waiting
 * for people to resolve it.
 *
 * <p>A re-plan that finds nothing left to change (the branch already holds every planned tag)
 * closes the request with a note and deletes its branch; the promotion then succeeds as any
 * promotion with nothing to promote does. A re-plan that is refused (an approved preview whose plan
 * now differs) closes them too, and the promotion fails with the refusal's reason.
 */
final class MergeRequestReplan<S extends RunStatus, R extends CustomResource<?, S>> {
  private final MergeRequestTransitions transitions;
  private final StatusPatcher statusPatcher;
  private final EventRecorder events;
  private final Function<TargetRepository, MergeRequests> api;

  MergeRequestReplan(
      MergeRequestTransitions transitions,
      StatusPatcher statusPatcher,
      EventRecorder events,
      Function<TargetRepository, MergeRequests> api) {
    this.transitions = transitions;
    this.statusPatcher = statusPatcher;
    this.events = events;
    this.api = api;
  }

  /** Whether a run that ended now was a re-plan of a request still open (not its landing). */
  static boolean isReplan(CustomResource<?, ? extends RunStatus> p) {
    RunStatus s = p.getStatus();
    return s != null
        && s.getPhase() == Phase.AWAITING_MERGE
        && s.getMergeRequest() != null
        && s.getMergeRequest().getMergedCommit() == null;
  }

  /**
   * The request cannot merge: hands the re-plan to the writer when the review branch holds the
   * operator's commit, else says (once per message) that people must resolve it.
   *
   * @param previousMessage the status message before this look, so the warning is not repeated
   * @param replan queues the re-plan, replacing the review branch only while it is at this commit;
   *     null for a run that is not planned again (a rollback restores what a promotion replaced)
   * @return true when a re-plan was queued
   */
  boolean replanOrHold(
      R awaiting,
      Context<R> context,
      MergeRequestState mr,
      String previousMessage,
      Consumer<String> replan) {
    String ours = awaiting.getStatus().getCommit();
    if (replan == null) {
      hold(
          awaiting,
          context,
          previousMessage,
          "merge request !"
              + mr.iid()
              + " cannot merge ("
              + mr.detailedMergeStatus()
              + "); a rollback is not planned again: resolve the request in GitLab");
      return false;
    }
    if (mr.sha() != null && mr.sha().equals(ours)) {
      replan.accept(ours);
      return true;
    }
    hold(
        awaiting,
        context,
        previousMessage,
        "merge request !"
            + mr.iid()
            + " cannot merge ("
            + mr.detailedMergeStatus()
            + "), but its branch "
            + awaiting.getStatus().getMergeRequest().getSourceBranch()
            + " holds commit "
            + mr.sha()
            + ", not the commit "
            + ours
            + " promotion-operator pushed: it is not overwritten; resolve the request in GitLab");
    return false;
  }

  /** Someone pushed to the review branch just before the re-plan would have replaced it. */
  UpdateControl<R> branchMoved(
      R awaiting, Context<R> context, RuntimeException moved, Duration nextLook) {
    hold(awaiting, context, awaiting.getStatus().getMessage(), moved.getMessage());
    return UpdateControl.<R>noUpdate().rescheduleAfter(nextLook);
  }

  /** The re-planned commit replaced the review branch; the request shows it now. */
  UpdateControl<R> replaced(R awaiting, Context<R> context, String commit, Duration nextLook) {
    S s = awaiting.getStatus();
    MergeRequestStatus mr = s.getMergeRequest();
    mr.setReplans(mr.getReplans() == null ? 1 : mr.getReplans() + 1);
    s.setCommit(commit);
    s.setPhase(Phase.AWAITING_MERGE);
    s.setReason(Reasons.AWAITING_MERGE);
    s.setMessage(MergeRequestTransitions.message(awaiting));
    events.normal(
        awaiting,
        Reasons.MERGE_REQUEST_REPLANNED,
        "merge request !"
            + mr.getIid()
            + " could not merge ("
            + mr.getDetailedMergeStatus()
            + "): planned again on the branch's new head; commit "
            + commit
            + " replaced branch "
            + mr.getSourceBranch()
            + " (re-plan "
            + mr.getReplans()
            + ")");
    statusPatcher.patch(awaiting, context);
    return UpdateControl.<R>noUpdate().rescheduleAfter(nextLook);
  }

  /**
   * When the run that ended the promotion was a re-plan (nothing left to change, or refused), its
   * request is closed with a note saying why and its branch deleted; any other run leaves them.
   *
   * @param refusal why the re-plan was refused, null when it found nothing left to change
   */
  void endIfReplan(R ended, TargetRepository repository, String refusal) {
    if (isReplan(ended)) {
      withdraw(
          ended,
          repository,
          refusal == null
              ? "the branch already holds every planned tag, nothing is left to promote"
              : "it was refused: " + refusal);
    }
  }

  private void withdraw(R awaiting, TargetRepository repository, String why) {
    MergeRequestStatus known = awaiting.getStatus().getMergeRequest();
    MergeRequests requests = api.apply(repository);
    String project = repository.gitlab().project();
    requests.close(
        project,
        known.getIid(),
        "The branch moved and promotion-operator planned this promotion again: "
            + why
            + ". It closed this request and deletes its branch.");
    requests.deleteBranch(project, known.getSourceBranch());
    transitions.seen(awaiting, requests.get(project, known.getIid()));
    events.normal(
        awaiting,
        Reasons.MERGE_REQUEST_CLOSED,
        "merge request !" + known.getIid() + " closed and its branch deleted: " + why);
  }

  private void hold(R awaiting, Context<R> context, String previousMessage, String message) {
    if (!message.equals(previousMessage)) {
      events.warning(awaiting, Reasons.REVIEW_BRANCH_CHANGED, message);
    }
    awaiting.getStatus().setMessage(message);
    statusPatcher.patch(awaiting, context);
  }
}
