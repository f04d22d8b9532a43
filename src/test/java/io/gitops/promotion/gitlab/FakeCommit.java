package io.gitops.promotion.gitlab;

import java.time.Instant;
import java.util.List;

/** A commit in {@link FakeGitLabServer}'s repository graph. */
public record FakeCommit(String sha, String message, List<String> parentIds, Instant committedAt) {

  public FakeCommit {
    parentIds = List.copyOf(parentIds);
  }

  public String title() {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
