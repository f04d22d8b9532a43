package io.gitops.promotion.reconciler;

import static io.gitops.promotion.api.Conditions.FALSE;
import static io.gitops.promotion.api.Conditions.TRUE;

import io.gitops.promotion.api.ApplicationStatus;
import io.gitops.promotion.api.ApplicationTag;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.GitLabStatus;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.api.VerificationStatus;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.publish.ReleaseOutcome;
import io.gitops.promotion.state.TagSnapshot;
import io.gitops.promotion.verify.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status a Promotion shows at each step of its run, filled from the engine's result. Pure: it
 * only edits the status object it is given.
 */
final class PromotionStatusTransitions extends RunTransitions {
  PromotionStatusTransitions(Clock clock) {
    super(clock);
  }

  static PromotionStatus statusOf(Promotion promotion) {
    if (promotion.getStatus() == null) {
      promotion.setStatus(new PromotionStatus());
    }
    return promotion.getStatus();
  }

  void gated(Promotion p, io.gitops.promotion.gate.GateDecision gate) {
    gated(p, statusOf(p), gate);
  }

  void running(Promotion p) {
    running(p, statusOf(p), p.getSpec().isDryRun() ? "computing the plan" : "promoting");
  }

  void retrying(Promotion p, String message) {
    retrying(p, statusOf(p), message);
  }

  void failed(Promotion p, String reason, String message) {
    failed(p, statusOf(p), reason, message);
  }

  /**
   * Records the plan and, unless it is a preview, the commit: the run may still have GitLab steps
   * to do.
   */
  void recorded(Promotion p, PromotionResult result) {
    PromotionStatus s = statusOf(p);
    s.setTitle(result.title());
    s.setVersion(result.version());
    s.setReleaseTag(result.releaseTag());
    s.setBoundedChanges(
        result.changes().stream()
            .map(c -> new ImageTagChange(c.service(), c.app(), c.from(), c.to()))
            .toList());
    s.setWarnings(result.warnings());
    diff(s, result.unifiedDiff());
    s.setBoundedState(rows(result.preState()), rows(result.postState()));
    s.setPushRejections(result.pushRejections());
    s.setGit(GitTrafficOf.counts(result.counts()));
    condition(
        p,
        s,
        Conditions.PLANNED,
        TRUE,
        Reasons.PLAN_COMPUTED,
        result.changes().size() + " tag change(s), " + result.warnings().size() + " warning(s)");
    if (result.outcome() == PromotionOutcome.PREVIEWED) {
      s.setPlanFingerprint(result.plan().fingerprint());
      condition(p, s, Conditions.COMMITTED, FALSE, Reasons.PREVIEWED, "dry run: nothing written");
      return;
    }
    s.setCommit(result.commit());
    String committed =
        result.outcome() == PromotionOutcome.NOTHING_TO_PROMOTE
            ? Reasons.NOTHING_TO_PROMOTE
            : result.resumed() ? Reasons.ALREADY_PUSHED : Reasons.PUSHED;
    condition(
        p,
        s,
        Conditions.COMMITTED,
        TRUE,
        committed,
        result.commit() == null
            ? "every target tag already had its source value"
            : "commit " + result.commit());
  }

  /** Records what the GitLab steps did (all of it, or the part done before a failure). */
  void published(Promotion p, PublishResult published) {
    PromotionStatus s = statusOf(p);
    ReleaseOutcome release = published.releaseStep().outcome();
    condition(
        p,
        s,
        Conditions.RELEASED,
        release == ReleaseOutcome.NOT_DONE ? FALSE : TRUE,
        switch (release) {
          case CREATED, ALREADY_EXISTED -> Reasons.RELEASE_CREATED;
          case LEFT_WITHOUT_RELEASE -> Reasons.LEFT_WITHOUT_RELEASE;
          case SKIPPED -> Reasons.RELEASE_SKIPPED;
          case NOT_DONE -> Reasons.RETRYING;
        },
        published.releaseStep().describe());
    GitLabStatus gitlab = deploymentsRecorded(p, s, published);
    gitlab.setReleaseTag(published.releaseTag());
    gitlab.setReleaseUrl(published.releaseUrl());
    gitlab.setTagCreated(published.tagCreated());
    gitlab.setReleaseCreated(published.releaseCreated());
    s.setGitlab(gitlab);
  }

  /** The end of a run that was not rejected: Previewed, or Succeeded. */
  void finished(Promotion p, PromotionResult result) {
    PromotionStatus s = statusOf(p);
    if (result.outcome() == PromotionOutcome.PREVIEWED) {
      end(
          p,
          s,
          Phase.PREVIEWED,
          Reasons.PREVIEWED,
          "preview ready: set spec.dryRun to false to execute this plan");
      return;
    }
    end(
        p,
        s,
        Phase.SUCCEEDED,
        Reasons.SUCCEEDED,
        result.outcome() == PromotionOutcome.NOTHING_TO_PROMOTE
            ? "nothing to promote"
            : "promoted in commit " + s.getShortCommit());
  }

  /** Pushed and published; now watching Argo CD until the deadline. */
  void verifying(Promotion p, Instant deadline, List<String> services) {
    PromotionStatus s = statusOf(p);
    VerificationStatus v = new VerificationStatus();
    v.setDeadline(deadline.toString());
    v.setServices(services);
    s.setVerification(v);
    s.setPhase(Phase.VERIFYING);
    s.setReason(Reasons.VERIFYING);
    s.setMessage(
        "commit "
            + s.getShortCommit()
            + " is pushed; waiting for Argo CD to show it Synced and Healthy");
    condition(p, s, Conditions.VERIFIED, FALSE, Reasons.VERIFYING, s.getMessage());
  }

  /** Records what the Applications show; returns whether anything changed. */
  boolean applications(Promotion p, Verdict verdict) {
    VerificationStatus v = statusOf(p).getVerification();
    List<ApplicationStatus> seen =
        verdict.applications().stream()
            .map(a -> new ApplicationStatus(a.name(), a.revision(), a.syncStatus(), a.health()))
            .toList();
    if (seen.equals(v.getApplications())) {
      return false;
    }
    v.setApplications(seen);
    return true;
  }

  void verified(Promotion p, Verdict verdict) {
    PromotionStatus s = statusOf(p);
    boolean skipped = verdict.outcome() == Verdict.Outcome.SKIPPED;
    condition(
        p,
        s,
        Conditions.VERIFIED,
        skipped ? FALSE : TRUE,
        skipped ? Reasons.VERIFICATION_SKIPPED : Reasons.VERIFIED,
        verdict.message());
    end(
        p,
        s,
        Phase.SUCCEEDED,
        Reasons.SUCCEEDED,
        "promoted in commit " + s.getShortCommit() + "; " + verdict.message());
  }

  void verificationFailed(Promotion p, Verdict verdict, String rollback) {
    PromotionStatus s = statusOf(p);
    s.getVerification().setRollback(rollback);
    String message =
        "commit "
            + s.getShortCommit()
            + " is pushed but "
            + verdict.message()
            + (rollback == null ? "" : "; PromotionRollback " + rollback + " was created");
    condition(p, s, Conditions.VERIFIED, FALSE, Reasons.VERIFICATION_FAILED, message);
    failed(p, s, Reasons.VERIFICATION_FAILED, message);
  }

  private static List<ApplicationTag> rows(TagSnapshot snapshot) {
    if (snapshot.isEmpty()) {
      return null;
    }
    List<ApplicationTag> rows = new ArrayList<>();
    snapshot
        .services()
        .forEach(
            (service, apps) ->
                apps.forEach((app, tag) -> rows.add(new ApplicationTag(service, app, tag))));
    return rows;
  }
}
