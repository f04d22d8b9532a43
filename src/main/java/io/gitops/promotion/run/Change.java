package io.gitops.promotion.run;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.RepositoryFiles;
import java.time.Instant;

/**
 * One change the {@link RunLoop} lands on a branch: a promotion, a rollback, or whatever comes
 * next. It plans itself on the files of a commit and recognises its own commit by a trailer.
 *
 * @param <R> what a run of it reports
 */
public interface Change<R> {
  /** The trailer that marks this change's commit, e.g. {@code Promotion-Id: <uid>}. */
  Trailer trailer();

  /**
   * When an earlier attempt of this change may have pushed, or null when this is certainly the
   * first.
   */
  Instant mayHavePushedSince();

  /**
   * Plans the change on the files of the commit it will follow.
   *
   * @throws io.gitops.promotion.engine.RequestRejectedException when it cannot succeed as asked;
   *     the other changes of a batch go on without it
   */
  Planned<R> plan(RepositoryFiles files);

  /**
   * The commit this change is known to have landed as, when it went through review and was merged
   * (a merge, squash or fast-forwarded commit): the loop reports it as resumed instead of planning.
   */
  default java.util.Optional<String> landedAs() {
    return java.util.Optional.empty();
  }

  /** The report of an earlier attempt whose commit is already on the branch. */
  R resumed(String commit, GitWorkspace workspace, RunCounts counts);

  /** A commit trailer: {@code key: value}. */
  record Trailer(String key, String value) {}
}
