package io.gitops.promotion.engine;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.config.VerificationConfig;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.layout.Layout;
import java.util.Optional;

/**
 * A GitOps repository promotions run on: its configured name, how to reach it, its layout and, when
 * configured, its GitLab project.
 *
 * @param gitlab null when GitLab is not configured for the repository
 * @param verification null when promotions are not verified in Argo CD
 * @param mergeRequest how merge requests into its gated environments are opened and followed
 */
public record TargetRepository(
    String name,
    GitRemote remote,
    Layout layout,
    GitLabTarget gitlab,
    VerificationConfig verification,
    MergeRequestSettings mergeRequest) {
  public TargetRepository {
    mergeRequest = mergeRequest == null ? MergeRequestSettings.DEFAULT : mergeRequest;
  }

  public TargetRepository(
      String name,
      GitRemote remote,
      Layout layout,
      GitLabTarget gitlab,
      VerificationConfig verification) {
    this(name, remote, layout, gitlab, verification, null);
  }

  public TargetRepository(String name, GitRemote remote, Layout layout) {
    this(name, remote, layout, null, null);
  }

  public TargetRepository(String name, GitRemote remote, Layout layout, GitLabTarget gitlab) {
    this(name, remote, layout, gitlab, null);
  }

  /** Where its Argo CD Applications are, when promotions into it are verified. */
  public Optional<VerificationConfig> verificationConfig() {
    return Optional.ofNullable(verification);
  }

  /**
   * The merge request settings into a gated environment: the environment's own, else the
   * repository's.
   */
  public MergeRequestSettings mergeRequestInto(Environment target) {
    return target.mergeRequest() != null ? target.mergeRequest() : mergeRequest;
  }

  public Optional<GitLabTarget> gitlabTarget() {
    return Optional.ofNullable(gitlab);
  }
}
