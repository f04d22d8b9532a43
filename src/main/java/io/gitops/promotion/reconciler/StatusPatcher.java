package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops.promotion.api.RunStatus;

/**
 * Writes a resource's status as soon as it is decided (Running before a push, the result after), so
 * it is on the resource before anything irreversible happens. Every status write goes through here
 * and replaces the whole status subresource: no write is a diff computed against a stale copy. Each
 * write names the replica that made it ({@code status.replica}).
 */
public final class StatusPatcher {
  private static final int CONFLICT = 409;

  private final KubernetesClient client;
  private final String replica;

  public StatusPatcher(KubernetesClient client) {
    this(client, null);
  }

  /** @param replica this replica's identity, written on every status; null writes none */
  public StatusPatcher(KubernetesClient client, String replica) {
    this.client = client;
    this.replica = replica;
  }

  /**
   * The resource as the API server has it now, or {@code resource} when it is gone. A run that failed
   * may have written its status (its commit, the GitLab objects made) after the copy it was given was
   * read: a retry's status starts from what was written, not from that copy.
   */
  public <R extends HasMetadata> R latest(R resource) {
    R current = client.resource(resource).get();
    return current != null ? current : resource;
  }

  /** Replaces the status and returns the resource as the API server now has it. */
  public <S, R extends CustomResource<?, S>> R patch(R resource) {
    if (replica != null && resource.getStatus() instanceof RunStatus run) {
      run.setReplica(replica);
    }
    try {
      return client.resource(resource).updateStatus();
    } catch (KubernetesClientException e) {
      if (e.getCode() != CONFLICT) {
        throw e;
      }
      // Someone changed the resource since we read it (an approval, a label): our status still holds.
      R latest = client.resource(resource).get();
      latest.setStatus(resource.getStatus());
      return client.resource(latest).updateStatus();
    }
  }
}
