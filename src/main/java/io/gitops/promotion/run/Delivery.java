package io.gitops.promotion.run;

import io.gitops.promotion.git.GitWorkspace;
import java.util.List;

/**
 * The delivery seam: how the commits a run made on top of the fetched head reach the branch Argo CD
 * syncs. Today a direct push; a gated environment's merge request is another implementation, chosen
 * by configuration through {@link Deliveries}.
 */
public interface Delivery {
  /** The name configuration selects it by, e.g. {@code push}. */
  String kind();

  /**
   * Delivers the workspace's local commits, one per change, in order.
   *
   * @return false when someone else moved the branch first: the run re-plans on the new head
   */
  boolean deliver(GitWorkspace workspace, List<Change<?>> changes);
}
