package io.gitops.promotion.cli;

import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.gitlab.OpenMergeRequest;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.MergeRequestDelivery;
import io.gitops.promotion.run.Planned;
import io.gitops.promotion.run.RunCounts;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The requests earlier runs left open for the same group and environment (a run stopped by a crash
 * or Ctrl-C, or one of an older change), as the delivery of a {@code --merge-request} run. A
 * request whose commit carries this run's trailer key and the same change (the same tags) is
 * resumed: nothing is pushed and no second request is opened. So is a review branch an earlier run
 * pushed with the same change but stopped before opening its request: the request is opened from
 * it. Otherwise this run's branch is pushed and its request opened as usual. Either way the
 * requests with a different change are then superseded by the one this run follows, as the operator
 * does. Requests whose commit this tool did not make (no trailer) are left alone.
 *
 * @param <R> the command's result
 */
final class EarlierMergeRequests<R> implements Delivery {
  private final MergeRequests api;
  private final String project;
  private final String branch;
  private final Function<String, Delivery> deliveryFrom;
  private final List<OpenMergeRequest> open;
  private final Function<R, Set<?>> tagChanges;
  private final List<OpenMergeRequest> differing = new ArrayList<>();
  private String resumedBranch;
  private String resumedCommit;

  private EarlierMergeRequests(
      MergeRequests api,
      String project,
      String branch,
      Function<String, Delivery> deliveryFrom,
      List<OpenMergeRequest> open,
      Function<R, Set<?>> tagChanges) {
    this.api = api;
    this.project = project;
    this.branch = branch;
    this.deliveryFrom = deliveryFrom;
    this.open = List.copyOf(open);
    this.tagChanges = tagChanges;
  }

  /**
   * Reads the open requests into {@code targetBranch} from the other review branches of the same
   * group and environment as {@code branch} ({@code <kind>/<env>/<group>/}).
   *
   * @param branch this run's review branch
   * @param deliveryFrom the delivery that pushes a review branch (unless it exists) and opens its
   *     request (unless one is open)
   * @param tagChanges what makes two results the same change: the tags they set
   */
  static <R> EarlierMergeRequests<R> of(
      MergeRequests api,
      String project,
      String branch,
      String targetBranch,
      Function<String, Delivery> deliveryFrom,
      Function<R, Set<?>> tagChanges) {
    String prefix = prefix(branch);
    List<OpenMergeRequest> open =
        api.openInto(project, targetBranch).stream()
            .filter(mr -> mr.sourceBranch().startsWith(prefix))
            .filter(mr -> !mr.sourceBranch().equals(branch))
            .toList();
    return new EarlierMergeRequests<>(api, project, branch, deliveryFrom, open, tagChanges);
  }

  @Override
  public String kind() {
    return MergeRequestDelivery.KIND;
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
    resumedBranch = null;
    resumedCommit = null;
    differing.clear();
    for (OpenMergeRequest earlier : open) {
      Optional<String> head = workspace.fetchBranch(earlier.sourceBranch());
      if (head.isEmpty() || !carriesTrailer(workspace, head.get(), change)) {
        continue;
      }
      if (resumedBranch == null && planned.equals(recorded(workspace, head.get(), change))) {
        resumedBranch = earlier.sourceBranch();
        resumedCommit = head.get();
      } else {
        differing.add(earlier);
      }
    }
    if (resumedBranch != null) {
      return true;
    }
    Optional<String> pushedBefore = branchWithoutRequest(workspace, change, planned);
    if (pushedBefore.isPresent()
        && deliveryFrom.apply(pushedBefore.get()).deliver(workspace, changes, committed)) {
      resumedBranch = pushedBefore.get();
      return true;
    }
    return deliveryFrom.apply(branch).deliver(workspace, changes, committed);
  }

  /**
   * A review branch of the group and environment that an earlier run pushed with the same change
   * but stopped before opening its request (its commit is then made the request's).
   */
  private Optional<String> branchWithoutRequest(
      GitWorkspace workspace, Change<R> change, Set<?> planned) {
    Set<String> requested = new HashSet<>();
    open.forEach(mr -> requested.add(mr.sourceBranch()));
    requested.add(branch);
    for (String other : workspace.remoteBranches(prefix(branch)).keySet()) {
      if (requested.contains(other)) {
        continue;
      }
      Optional<String> head = workspace.fetchBranch(other);
      if (head.isPresent()
          && carriesTrailer(workspace, head.get(), change)
          && planned.equals(recorded(workspace, head.get(), change))) {
        resumedCommit = head.get();
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  /**
   * The review branch of an earlier run this run follows instead of its own: the source of an open
   * request with the same change, or a branch pushed with the same change whose request this run
   * opened; empty when this run pushed and opened its own.
   */
  Optional<String> resumedBranch() {
    return Optional.ofNullable(resumedBranch);
  }

  /** The head commit of the resumed branch. */
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

  /** {@code <kind>/<env>/<group>/} of a review branch. */
  private static String prefix(String branch) {
    return branch.substring(0, branch.lastIndexOf('/') + 1);
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
