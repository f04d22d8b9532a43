package io.gitops.promotion.api;

/**
 * Reason codes for conditions and {@code status.reason} when nothing went wrong. Failures use
 * {@code RejectionReason.code()} of the engine ({@code PlanChanged}, {@code UnknownEnvironment},
 * ...); none of these collides with one of those. Every value matches the API server's reason
 * pattern.
 */
public final class Reasons {
  /** Waiting for its turn: another promotion of the same repository runs first. */
  public static final String WAITING_FOR_REPOSITORY = "WaitingForRepository";

  /** Gated: no gate holds the run (any more). */
  public static final String GATE_OPEN = "GateOpen";

  /** A forced run went through a closed gate (a freeze window or soak time). */
  public static final String GATE_OVERRIDDEN = "GateOverridden";

  /** Verified: Argo CD's Applications are being watched. */
  public static final String VERIFYING = "Verifying";

  /** Verified: every Application runs the commit, Synced and Healthy. */
  public static final String VERIFIED = "Verified";

  /** Verified: no Application was found and verification is not required. */
  public static final String VERIFICATION_SKIPPED = "VerificationSkipped";

  /** Failed: an Application is Degraded, or the time limit passed. */
  public static final String VERIFICATION_FAILED = "VerificationFailed";

  /** The operator created a PromotionRollback of a promotion whose verification failed. */
  public static final String ROLLBACK_CREATED = "RollbackCreated";

  /**
   * The commit is on its review branch and its merge request is open; waiting for people to merge
   * it.
   */
  public static final String AWAITING_MERGE = "AwaitingMerge";

  /**
   * The merge request of a gated environment was opened (or found opened by an earlier attempt).
   */
  public static final String MERGE_REQUEST_OPENED = "MergeRequestOpened";

  /** The merge request's state, merge status, approvals or pipeline changed. */
  public static final String MERGE_REQUEST_CHANGED = "MergeRequestChanged";

  /** The merge request was merged; the run goes on from the commit it landed as. */
  public static final String MERGE_REQUEST_MERGED = "MergeRequestMerged";

  /**
   * The merge request could not merge (conflict, needs rebase): the promotion was planned again on
   * the branch's new head and its review branch replaced by the new commit; the request stays.
   */
  public static final String MERGE_REQUEST_REPLANNED = "MergeRequestReplanned";

  /**
   * The merge request cannot merge, but its review branch holds a commit the operator did not push:
   * it is never overwritten, the promotion keeps waiting for people to resolve it.
   */
  public static final String REVIEW_BRANCH_CHANGED = "ReviewBranchChanged";

  /** Failed: the merge request was closed without being merged. */
  public static final String MERGE_REQUEST_CLOSED = "MergeRequestClosed";

  /**
   * Failed: the merge request was not merged within the time limit; it was closed and its branch
   * deleted.
   */
  public static final String MERGE_REQUEST_EXPIRED = "MergeRequestExpired";

  /**
   * Failed: a newer promotion of the same group into the same environment replaced this one's merge
   * request.
   */
  public static final String SUPERSEDED = "Superseded";

  /**
   * An emergency rollback was pushed directly into an environment gated by merge request (a Warning
   * Event naming its reason).
   */
  public static final String EMERGENCY_ROLLBACK = "EmergencyRollback";

  /** The step is running. */
  public static final String IN_PROGRESS = "InProgress";

  /** An operational error (network, Git server, GitLab 5xx); retried with backoff. */
  public static final String RETRYING = "Retrying";

  /** Validated: the request is acceptable. */
  public static final String ACCEPTED = "Accepted";

  /** Planned: the plan was computed. */
  public static final String PLAN_COMPUTED = "PlanComputed";

  /** Ready for a dry run, and Committed when not executed: the plan is shown, nothing written. */
  public static final String PREVIEWED = "Previewed";

  /** Committed: one commit was pushed. */
  public static final String PUSHED = "Pushed";

  /**
   * Committed: the commit of this promotion was already on the branch (recognised by its trailer).
   */
  public static final String ALREADY_PUSHED = "AlreadyPushed";

  /** Committed: every target tag already had its value; no commit. */
  public static final String NOTHING_TO_PROMOTE = "NothingToPromote";

  /** Released: the GitLab tag and release exist. */
  public static final String RELEASE_CREATED = "ReleaseCreated";

  /** Released: not a release source environment, GitLab not configured, or no version. */
  public static final String RELEASE_SKIPPED = "ReleaseSkipped";

  /**
   * Released: the release tag already existed on an earlier promotion's commit (the lead service
   * did not change), so these changes have no release of their own; the status warnings name them.
   */
  public static final String LEFT_WITHOUT_RELEASE = "LeftWithoutRelease";

  /** DeploymentsRecorded: the GitLab deployments are registered. */
  public static final String DEPLOYMENTS_CREATED = "DeploymentsCreated";

  /** DeploymentsRecorded: GitLab is not configured for the repository. */
  public static final String DEPLOYMENTS_SKIPPED = "DeploymentsSkipped";

  /** Ready: the promotion finished. */
  public static final String SUCCEEDED = "Succeeded";

  /** Ready for a rollback: every application is back at its pre-promotion tag. */
  public static final String RESTORED = "Restored";

  /** Ready for a rollback: drifted applications were left alone and reported as conflicts. */
  public static final String PARTIALLY_RESTORED = "PartiallyRestored";

  /** Ready for a rollback: every tag already had its pre-promotion value. */
  public static final String NOTHING_TO_ROLL_BACK = "NothingToRollBack";

  /** A rollback names a Promotion that does not exist in its namespace. */
  public static final String PROMOTION_NOT_FOUND = "PromotionNotFound";

  /**
   * A rollback names a Promotion that has not succeeded, so there is nothing of it to roll back.
   */
  public static final String PROMOTION_NOT_SUCCEEDED = "PromotionNotSucceeded";

  private Reasons() {}
}
