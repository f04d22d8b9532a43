package io.gitops.promotion.gitlab;

import io.gitops.promotion.config.ConnectionTimeouts;

/**
 * The GitLab project of a GitOps repository and how to reach it. The token never appears in {@link
 * #toString()}.
 *
 * @param project numeric id or {@code group/project} path
 */
public record GitLabTarget(String url, String project, String token, ConnectionTimeouts timeouts) {
  public GitLabTarget {
    timeouts = timeouts == null ? ConnectionTimeouts.DEFAULT : timeouts;
  }

  /** With the default time limits. */
  public GitLabTarget(String url, String project, String token) {
    this(url, project, token, ConnectionTimeouts.DEFAULT);
  }

  @Override
  public String toString() {
    return "GitLabTarget[url="
        + url
        + ", project="
        + project
        + ", token=***, timeouts="
        + timeouts
        + "]";
  }
}
