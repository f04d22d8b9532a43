package io.gitops.promotion.engine;

/**
 * Why a promotion or rollback was refused. Each constant but {@link #GATED} is terminal: retrying
 * the same request on the same repository gives the same answer. {@link #code()} is the reason
 * written on resource conditions.
 */
public enum RejectionReason {
  INVALID_NAME("InvalidName"),
  UNKNOWN_ENVIRONMENT("UnknownEnvironment"),
  SAME_ENVIRONMENT("SameEnvironment"),
  NOT_ON_PROMOTION_PATH("NotOnPromotionPath"),
  REASON_REQUIRED("ReasonRequired"),
  GROUP_NOT_FOUND("GroupNotFound"),
  VERSION_SERVICE_NOT_FOUND("VersionServiceNotFound"),
  INVALID_OVERLAY("InvalidOverlay"),
  /** An application without a digest promoted into an environment that requires one. */
  DIGEST_REQUIRED("DigestRequired"),
  /**
   * A symbolic link, submodule or executable where a promotion reads or writes a file or directory.
   */
  UNSUPPORTED_ENTRY("UnsupportedEntry"),
  INVALID_STATE_FILE("InvalidStateFile"),
  PLAN_CHANGED("PlanChanged"),
  /**
   * A freeze window or soak time holds the run: not terminal for the operator, which waits for it.
   */
  GATED("Gated"),
  NO_RECORDED_PROMOTION("NoRecordedPromotion"),
  ROLLBACK_WINDOW_EXPIRED("RollbackWindowExpired"),
  /**
   * A rollback names a promotion that a newer promotion of the same group and environment replaced.
   */
  PROMOTION_SUPERSEDED("PromotionSuperseded"),
  UNKNOWN_REPOSITORY("UnknownRepository"),
  /** A workspace directory that this tool did not make for the same remote and branch. */
  WORKSPACE_REFUSED("WorkspaceRefused"),
  /**
   * A local remote with the branch checked out in its work tree, which a push would leave out of
   * step.
   */
  CHECKED_OUT_BRANCH("CheckedOutBranch"),
  CREDENTIALS_NOT_FOUND("CredentialsNotFound"),
  GIT_AUTHENTICATION_FAILED("GitAuthenticationFailed"),
  GIT_REPOSITORY_NOT_FOUND("GitRepositoryNotFound"),
  GITLAB_REJECTED("GitLabRejected"),
  /** A merge request is needed (a gated environment) but the repository has no GitLab project. */
  GITLAB_NOT_CONFIGURED("GitLabNotConfigured");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
