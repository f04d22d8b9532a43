package io.gitops.promotion.gitlab;

/**
 * The GitLab project of a GitOps repository and how to reach it. The token never appears in
 * {@link #toString()}.
 *
 * @param project numeric id or {@code group/project} path
 */
public record GitLabTarget(String url, String project, String token) {
  @Override
  public String toString() {
    return "GitLabTarget[url=" + url + ", project=" + project + ", token=***]";
  }
}
