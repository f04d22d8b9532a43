package io.gitops.promotion.config;

/**
 * Leader election through a coordination.k8s.io Lease, so that two replicas never both reconcile.
 *
 * @param leaseNamespace null for the namespace the operator runs in (its service account's)
 */
public record LeaderElection(boolean enabled, String leaseName, String leaseNamespace) {
  public static final LeaderElection DEFAULT = new LeaderElection(true, "promotion-operator", null);
}
