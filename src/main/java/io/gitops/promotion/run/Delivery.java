package io.gitops.promotion.run;

import io.gitops.promotion.git.GitWorkspace;
import java.util.List;

/**
 * The delivery seam: how the commits a run made on top of the fetched head reach the branch Argo CD
 * syncs. A direct push ({@link PushDelivery}), or a merge request of a gated environment ({@link
 * MergeRequestDelivery}), chosen per target environment by configuration.
 */
public interface Delivery {
  /** The name configuration selects it by, e.g. {@code push}. */
  String kind();

  /**
   * Delivers the workspace's local commits, one per change, in order, knowing each commit and what
   * was planned for it (a merge request takes its title and description from the plan).
   *
   * @param committed the changes that made a commit, in order
   * @return false when someone else moved the branch first: the run re-plans on the new head
   */
  boolean deliver(GitWorkspace workspace, List<Change<?>> changes, List<Committed> committed);

  /**
   * Whether changes delivered this way may share one delivery (a push does; a merge request is one
   * change).
   */
  default boolean batches() {
    return true;
  }

  /** A change's local commit and the plan it was made from. */
  record Committed(Change<?> change, Planned<?> planned, String commit) {}
}
