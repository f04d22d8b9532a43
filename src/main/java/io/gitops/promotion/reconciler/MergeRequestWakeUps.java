package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.client.CustomResource;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.gitlabhook.MergeRequestSignal;
import io.gitops.promotion.gitlabhook.MergeRequestSignals;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.function.Function;

/**
 * When GitLab tells (through the webhook endpoint) that a merge request changed, wakes the
 * resources awaiting that request, so that they look at it now instead of at their next poll. Only
 * the wake-up happens on the endpoint's thread; the look is an ordinary reconciliation.
 */
final class MergeRequestWakeUps {
  private MergeRequestWakeUps() {}

  /**
   * @param repositoryOf a resource's configured repository
   * @param mergeRequestOf the request a resource awaits, as on its status
   */
  static <S extends RunStatus, R extends CustomResource<?, S>> void register(
      MergeRequestSignals signals,
      EventSourceContext<R> context,
      SimpleInboundEventSource<R> wakeUps,
      Function<R, String> repositoryOf,
      Function<S, MergeRequestStatus> mergeRequestOf) {
    signals.onSignal(
        signal ->
            context
                .getPrimaryCache()
                .list()
                .filter(r -> awaits(r, signal, repositoryOf, mergeRequestOf))
                .forEach(r -> wakeUps.propagateEvent(ResourceID.fromResource(r))));
  }

  /** Whether the resource awaits, on the signal's repository, the request the signal names. */
  static <S extends RunStatus, R extends CustomResource<?, S>> boolean awaits(
      R resource,
      MergeRequestSignal signal,
      Function<R, String> repositoryOf,
      Function<S, MergeRequestStatus> mergeRequestOf) {
    S status = resource.getStatus();
    if (status == null || status.getPhase() != Phase.AWAITING_MERGE) {
      return false;
    }
    MergeRequestStatus awaited = mergeRequestOf.apply(status);
    return awaited != null
        && signal.repository().equals(repositoryOf.apply(resource))
        && signal.mergeRequest().names(awaited.getIid(), awaited.getSourceBranch());
  }
}
