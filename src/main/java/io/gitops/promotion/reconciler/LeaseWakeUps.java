package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.client.CustomResource;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.lease.RepositoryLeases;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.function.Function;

/**
 * When this replica takes a repository's Lease, wakes the unfinished resources of that repository:
 * the previous holder may have left them half done (the run loop resumes a pushed one by its {@code
 * Promotion-Id} trailer), and nothing else would reconcile them now.
 */
final class LeaseWakeUps {
  private LeaseWakeUps() {}

  /**
   * @param repositoryOf a resource's configured repository, or null to wake it on every Lease taken
   */
  static <S extends RunStatus, R extends CustomResource<?, S>> void register(
      RepositoryLeases leases,
      EventSourceContext<R> context,
      SimpleInboundEventSource<R> wakeUps,
      Function<R, String> repositoryOf) {
    leases.onAcquired(
        repository ->
            context
                .getPrimaryCache()
                .list()
                .filter(
                    r ->
                        r.getStatus() == null
                            || r.getStatus().getPhase() == null
                            || !r.getStatus().getPhase().isFinished())
                .filter(
                    r -> {
                      String of = repositoryOf.apply(r);
                      return of == null || of.equals(repository);
                    })
                .forEach(r -> wakeUps.propagateEvent(ResourceID.fromResource(r))));
  }
}
