package io.gitops.promotion.cli;

import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.OpenMergeRequest;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.Planned;
import io.gitops.promotion.run.RunCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The delivery of a {@code --merge-request} run that knows the requests earlier runs left open for
 * the same group and environment (a run stopped by a crash or Ctrl-C, or one of an older change). A
 * request whose commit carries this run's trailer key and the same change (the same tags) is
 * resumed: nothing is pushed and no second request is opened. Otherwise this run's request is
 * opened as usual. Either way, the earlier requests with a different change are left to be
 * superseded by this run's request, as the operator does. Requests whose commit is not this tool's
 * (no trailer) are left alone.
 *
 * @param <R> the command's result
 */
final class EarlierMergeRequests<R> implements Delivery {
  private final Delivery opening;
  private final List<OpenMergeRequest> open;
  private final Function<R, Object> tagChanges;
  private final List<OpenMergeRequest> differing = new ArrayList<>();
  private OpenMergeRequest resumed;
  private String resumedCommit;

  /**
   * @param opening the delivery that pushes this run's branch and opens its request
   * @param open the open requests from other branches of the same group and environment
   * @param tagChanges what makes two results the same change: the tags they set
   */
  EarlierMergeRequests(
      Delivery opening, List<OpenMergeRequest> open, Function<R, Object> tagChanges) {
    this.opening = opening;
    this.open = List.copyOf(open);
    this.tagChanges = tagChanges;
  }

  @Override
  public String kind() {
    return opening.kind();
  }

  @Override
  public boolean batches() {
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean deliver(
      GitWorkspace workspace, List<Change<?>> changes, List<Committed> committed) {
    if (committed.size() != 1) {
      throw new IllegalArgumentException(
          "a merge request delivers exactly one commit, not " + committed.size());
    }
    Committed mine = committed.get(0);
    Change<R> change = (Change<R>) mine.change();
    Object planned =
        tagChanges.apply(((Planned<R>) mine.planned()).result(mine.commit(), RunCounts.NONE));
    resumed = null;
    resumedCommit = null;
    differing.clear();
    for (OpenMergeRequest earlier : open) {
      Optional<String> head = workspace.fetchBranch(earlier.sourceBranch());
      if (head.isEmpty() || !carriesTrailer(workspace, head.get(), change)) {
        continue;
      }
      if (resumed == null && planned.equals(recorded(workspace, head.get(), change))) {
        resumed = earlier;
        resumedCommit = head.get();
      } else {
        differing.add(earlier);
      }
    }
    return resumed != null || opening.deliver(workspace, changes, committed);
  }

  /** The earlier request this run resumes, empty when it opened its own. */
  Optional<OpenMergeRequest> resumed() {
    return Optional.ofNullable(resumed);
  }

  /** The head commit of the resumed request's branch. */
  String resumedCommit() {
    return resumedCommit;
  }

  /** The earlier requests with a different change: the request of this run supersedes them. */
  List<OpenMergeRequest> superseded() {
    return List.copyOf(differing);
  }

  private static boolean carriesTrailer(GitWorkspace workspace, String commit, Change<?> change) {
    return Pattern.compile("(?m)^" + Pattern.quote(change.trailer().key()) + ": \\S")
        .matcher(workspace.message(commit))
        .find();
  }

  /** The tags an earlier run's commit sets, null when it cannot be read as this change's. */
  private Object recorded(GitWorkspace workspace, String commit, Change<R> change) {
    try {
      return tagChanges.apply(change.resumed(commit, workspace, RunCounts.NONE));
    } catch (IllegalStateException | RequestRejectedException e) {
      return null; // not readable as this change's commit: a different change
    }
  }
}
