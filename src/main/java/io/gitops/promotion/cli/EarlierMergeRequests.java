package io.gitops.promotion.cli;

import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.gitlab.OpenMergeRequest;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.Planned;
import io.gitops.promotion.run.RunCounts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The requests earlier runs left open for the same group and environment (a run stopped by a crash
 * or Ctrl-C, or one of an older change), as the delivery of a {@code --merge-request} run. A
 * request whose commit carries this run's trailer key and the same change (the same tags) is
 * resumed: nothing is pushed and no second request is opened. Otherwise this run's request is
 * opened as usual. Either way the requests with a different change are then superseded by the one
 * this run follows, as the operator does. Requests whose commit this tool did not make (no trailer)
 * are left alone.
 *
 * @param <R> the command's result
 */
final class EarlierMergeRequests<R> implements Delivery {
  private final MergeRequests api;
  private final String project;
  private final Delivery opening;
  private final List<OpenMergeRequest> open;
  private final Function<R, Set<?>> tagChanges;
  private final List<OpenMergeRequest> differing = new ArrayList<>();
  private OpenMergeRequest resumed;
  private String resumedCommit;

  private EarlierMergeRequests(
      MergeRequests api,
      String project,
      Delivery opening,
      List<OpenMergeRequest> open,
      Function<R, Set<?>> tagChanges) {
    this.api = api;
    this.project = project;
    this.opening = opening;
    this.open = List.copyOf(open);
    this.tagChanges = tagChanges;
  }

  /**
   * Reads the open requests into {@code targetBranch} from the other review branches of the same
   * group and environment as {@code branch} ({@code <kind>/<env>/<group>/}).
   *
   * @param branch this run's review branch
   * @param opening the delivery that pushes this run's branch and opens its request
   * @param tagChanges what makes two results the same change: the tags they set
   */
  static <R> EarlierMergeRequests<R> of(
      MergeRequests api,
      String project,
      String branch,
      String targetBranch,
      Delivery opening,
      Function<R, Set<?>> tagChanges) {
    String prefix = branch.substring(0, branch.lastIndexOf('/') + 1);
    List<OpenMergeRequest> open =
        api.openInto(project, targetBranch).stream()
            .filter(mr -> mr.sourceBranch().startsWith(prefix))
            .filter(mr -> !mr.sourceBranch().equals(branch))
            .toList();
    return new EarlierMergeRequests<>(api, project, opening, open, tagChanges);
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
    Set<?> planned =
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

  /**
   * Closes the earlier requests with a different change, with a note naming the request that
   * replaces them (this run's, or the one it resumed), and deletes their branches, as the operator
   * supersedes a request.
   *
   * @param err where each is announced
   */
  void supersedeBy(MergeRequestState newer, PrintWriter err) {
    for (OpenMergeRequest older : differing) {
      long iid = older.state().iid();
      api.close(
          project,
          iid,
          "Superseded by merge request !"
              + newer.iid()
              + " "
              + newer.webUrl()
              + " of a newer run for the same group and environment, with a different change;"
              + " promotion-operator closed this request and deletes its branch.");
      api.deleteBranch(project, older.sourceBranch());
      err.println(
          TerminalText.cell(
              "superseded merge request !"
                  + iid
                  + " "
                  + older.state().webUrl()
                  + " (a different change): closed, branch "
                  + older.sourceBranch()
                  + " deleted"));
    }
    err.flush();
  }

  private static boolean carriesTrailer(GitWorkspace workspace, String commit, Change<?> change) {
    return Pattern.compile("(?m)^" + Pattern.quote(change.trailer().key()) + ": \\S")
        .matcher(workspace.message(commit))
        .find();
  }

  /** The tags an earlier run's commit sets, null when it cannot be read as this change's. */
  private Set<?> recorded(GitWorkspace workspace, String commit, Change<R> change) {
    try {
      return tagChanges.apply(change.resumed(commit, workspace, RunCounts.NONE));
    } catch (IllegalStateException | RequestRejectedException e) {
      return null; // not readable as this change's commit: a different change
    }
  }
}
