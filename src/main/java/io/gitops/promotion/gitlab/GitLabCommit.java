package io.gitops.promotion.gitlab;

import java.util.Objects;

/**
 * A commit of a compared range, enough to classify it for the changelog.
 *
 * @param title the first line of the message
 * @param parentCount more than one for a merge commit
 */
public record GitLabCommit(String sha, String title, String message, int parentCount) {
  public GitLabCommit {
    Objects.requireNonNull(sha, "sha");
    title = title == null ? "" : title;
    message = message == null ? title : message;
  }

  public boolean isMerge() {
    return parentCount > 1;
  }
}
