package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gitlab.MergeRequests;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@link MergeRequestStage} needs of the kind of resource it follows, a Promotion ({@link
 * PromotionMergeRequests}) or a PromotionRollback ({@link RollbackMergeRequests}): the merge
 * requests of a repository, the repository a resource runs on, the words that name it, and which
 * newer resource supersedes one awaiting its merge.
 *
 * @param <R> the resource
 */
interface MergeRequestSubject<R extends HasMetadata> {
  /** The merge requests of a repository's GitLab project. */
  MergeRequests api(TargetRepository repository);

  /** The configured repository a resource runs on; empty when it can no longer be told. */
  Optional<TargetRepository> repository(R resource, Context<R> context);

  /** What did not happen when its request ends unmerged, e.g. {@code nothing was promoted}. */
  String nothingDone();

  /** The newer resource whose own request replaces the one {@code awaiting} follows, if any. */
  Optional<R> newerThan(R awaiting, Collection<R> all);

  /** The older resources that may be awaiting a merge this newer one supersedes. */
  List<R> olderAwaiting(R newer, Collection<R> all);

  /** How notes and messages name it: {@code Promotion default/to-stg}. */
  default String describe(R resource) {
    return resource.getKind()
        + " "
        + resource.getMetadata().getNamespace()
        + "/"
        + resource.getMetadata().getName();
  }
}
