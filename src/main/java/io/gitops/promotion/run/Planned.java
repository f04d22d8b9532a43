package io.gitops.promotion.run;

import java.util.Map;

/**
 * A change planned on a commit: the files it writes (none for a preview or when there is nothing to
 * do), the message of its commit, and how it reports once the loop knows the commit.
 *
 * @param <R> what a run of the change reports
 */
public interface Planned<R> {
  /**
   * New content of each file the commit writes, by path from the repository root; empty: no commit.
   */
  Map<String, String> writes();

  String commitMessage();

  /**
   * One line naming the change, for a merge request's title: the commit message's subject by
   * default.
   */
  default String title() {
    String message = commitMessage();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /**
   * Markdown for people reviewing the change, for a merge request's description: the commit message
   * by default.
   */
  default String description() {
    return commitMessage();
  }

  /**
   * @param commit the pushed commit, null when nothing was written
   */
  R result(String commit, RunCounts counts);
}
