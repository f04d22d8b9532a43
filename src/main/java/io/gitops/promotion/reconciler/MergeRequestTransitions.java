package io.gitops.promotion.reconciler;

import static io.gitops.promotion.api.Conditions.FALSE;
import static io.gitops.promotion.api.Conditions.TRUE;

import io.fabric8.kubernetes.client.CustomResource;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.gitlab.MergeRequestState;
import java.time.Instant;

/**
 * The status of a Promotion or PromotionRollback while its merge request is open, and when it
 * merges or ends. Pure: it only edits the status object of the resource it is given, which has one.
 */
final class MergeRequestTransitions {
  private final RunTransitions transitions;

  MergeRequestTransitions(RunTransitions transitions) {
    this.transitions = transitions;
  }

  /** The commit is on the review branch and the request is open: AwaitingMerge. */
  void awaitingMerge(
      CustomResource<?, ? extends RunStatus> p,
      MergeRequestState mr,
      String branch,
      Instant deadline) {
    RunStatus s = p.getStatus();
    MergeRequestStatus status = new MergeRequestStatus();
    status.setSourceBranch(branch);
    status.setDeadline(deadline == null ? null : deadline.toString());
    s.setMergeRequest(status);
    seen(p, mr);
    s.setCommit(mr.sha());
    s.setPhase(Phase.AWAITING_MERGE);
    s.setReason(Reasons.AWAITING_MERGE);
    s.setMessage(message(p));
    transitions.condition(
        p,
        s,
        Conditions.COMMITTED,
        TRUE,
        Reasons.PUSHED,
        "commit " + mr.sha() + " pushed to branch " + branch);
    transitions.condition(p, s, Conditions.MERGED, FALSE, Reasons.AWAITING_MERGE, s.getMessage());
    transitions.condition(p, s, Conditions.READY, FALSE, Reasons.AWAITING_MERGE, s.getMessage());
  }

  /** Records what GitLab shows of the request; returns whether people would see a difference. */
  boolean seen(CustomResource<?, ? extends RunStatus> p, MergeRequestState mr) {
    RunStatus s = p.getStatus();
    MergeRequestStatus before = s.getMergeRequest();
    MergeRequestStatus now = new MergeRequestStatus();
    now.setIid(mr.iid());
    now.setUrl(mr.webUrl());
    now.setSourceBranch(before.getSourceBranch());
    now.setDeadline(before.getDeadline());
    now.setReplans(before.getReplans());
    now.setState(mr.state());
    now.setDetailedMergeStatus(mr.detailedMergeStatus());
    now.setApprovalsGiven(mr.approvalsGiven());
    now.setApprovalsRequired(mr.approvalsRequired());
    now.setPipeline(mr.pipelineStatus());
    boolean changed = now.differsFrom(before);
    s.setMergeRequest(now);
    if (changed && s.getPhase() == Phase.AWAITING_MERGE) {
      s.setMessage(message(p));
      transitions.condition(p, s, Conditions.MERGED, FALSE, Reasons.AWAITING_MERGE, s.getMessage());
    }
    return changed;
  }

  /** Merged: the run goes on from the commit it landed as. */
  void merged(CustomResource<?, ? extends RunStatus> p, MergeRequestState mr) {
    seen(p, mr);
    RunStatus s = p.getStatus();
    s.getMergeRequest().setMergedCommit(mr.landedCommit());
    s.setReason(Reasons.MERGE_REQUEST_MERGED);
    s.setMessage("merge request !" + mr.iid() + " merged as commit " + mr.landedCommit());
    transitions.condition(
        p, s, Conditions.MERGED, TRUE, Reasons.MERGE_REQUEST_MERGED, s.getMessage());
  }

  /** One line for people: where the request stands. */
  static String message(CustomResource<?, ? extends RunStatus> p) {
    MergeRequestStatus mr = p.getStatus().getMergeRequest();
    StringBuilder text =
        new StringBuilder("waiting for merge request !")
            .append(mr.getIid())
            .append(" (")
            .append(mr.getUrl())
            .append("): ")
            .append(mr.getDetailedMergeStatus());
    if (mr.getApprovalsRequired() != null) {
      text.append(", approvals ")
          .append(mr.getApprovalsGiven())
          .append('/')
          .append(mr.getApprovalsRequired());
    }
    if (mr.getPipeline() != null) {
      text.append(", pipeline ").append(mr.getPipeline());
    }
    return text.toString();
  }
}
