package io.gitops.promotion.promotion;

import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.gitlab.GitLabTarget;
import java.util.Optional;

/**
 * A GitOps repository promotions run on: its configured name, how to reach it, its layout and, when
 * configured, its GitLab project.
 *
 * @param gitlab null when GitLab is not configured for the repository
 */
public record TargetRepository(String name, GitRemote remote, Layout layout, GitLabTarget gitlab) {
  public TargetRepository(String name, GitRemote remote, Layout layout) {
    this(name, remote, layout, null);
  }

  public Optional<GitLabTarget> gitlabTarget() {
    return Optional.ofNullable(gitlab);
  }
}
