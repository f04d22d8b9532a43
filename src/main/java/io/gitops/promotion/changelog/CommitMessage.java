package io.gitops.promotion.changelog;

import java.util.Objects;

/**
 * A commit as the GitLab Compare API returns it: the input of {@link CommitClassifier}.
 *
 * @param sha the commit id, kept for traceability
 * @param title the first line of the message
 * @param message the full message including the title and the body; {@code null} is read as empty
 * @param parentCount the number of parents; more than one means a merge commit
 */
public record CommitMessage(String sha, String title, String message, int parentCount) {

  public CommitMessage {
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(title, "title");
    message = message == null ? "" : message;
  }
}
