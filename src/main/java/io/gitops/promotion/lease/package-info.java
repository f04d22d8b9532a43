/**
 * Replicas sharing repositories through Kubernetes Leases: one Lease per configured repository
 * ({@code promotion-repo-<name>}) and one heartbeat Lease per replica. The rule that decides what
 * to take and what to give back ({@link io.gitops.promotion.lease.ShareRule}) and the expiry judged
 * from local observation ({@link io.gitops.promotion.lease.LeaseObservations}) are pure; the {@link
 * io.gitops.promotion.lease.LeaseKeeper} reads and writes the Leases with optimistic concurrency
 * and keeps {@link io.gitops.promotion.lease.RepositoryLeases}, which the reconcilers and the
 * repository writers ask before they act.
 */
package io.gitops.promotion.lease;
