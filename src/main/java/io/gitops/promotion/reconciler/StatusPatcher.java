package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.api.RunStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import java.util.function.Consumer;

/**
 * Writes a resource's status as soon as it is decided (Running before a push, the result after), so
 * it is on the resource before anything irreversible happens. Every status write goes through here
 * and replaces the whole status subresource: no write is a diff computed against a stale copy. The
 * written resource goes into the informer cache at once (JOSDK's {@link
 * PrimaryUpdateAndCacheUtils}), so the next reconciliation and every reader of the cache see it.
 * Each write names the replica that made it ({@code status.replica}).
 */
public final class StatusPatcher {
  private final KubernetesClient client;
  private final String replica;
  private final Consumer<HasMetadata> written;

  public StatusPatcher(KubernetesClient client) {
    this(client, null, resource -> {});
  }

  public StatusPatcher(KubernetesClient client, String replica) {
    this(client, replica, resource -> {});
  }

  /**
   * @param replica this replica's identity, written on every status; null writes none
   * @param written told of every status written, e.g. {@link PhaseNotifications}
   */
  public StatusPatcher(KubernetesClient client, String replica, Consumer<HasMetadata> written) {
    this.client = client;
    this.replica = replica;
    this.written = written;
  }

  /**
   * The resource as the API server has it now, or {@code resource} when it is gone. A run that
   * failed may have written its status (its commit, the GitLab objects made) after the copy it was
   * given was read: a retry's status starts from what was written, not from that copy.
   */
  public <R extends HasMetadata> R latest(R resource) {
    R current = client.resource(resource).get();
    return current != null ? current : resource;
  }

  /**
   * Replaces the status and returns the resource as the API server now has it. When someone changed
   * the resource since it was read (an approval, a label), the status is written again on the newer
   * copy: our status still holds.
   */
  public <S, R extends CustomResource<?, S>> R patch(R resource, Context<R> context) {
    S status = resource.getStatus();
    if (replica != null && status instanceof RunStatus run) {
      run.setReplica(replica);
    }
    R updated =
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
            resource,
            context,
            current -> {
              current.setStatus(status);
              return current;
            });
    written.accept(updated);
    return updated;
  }
}
