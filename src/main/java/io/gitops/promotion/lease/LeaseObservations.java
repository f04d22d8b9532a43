package io.gitops.promotion.lease;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * When each Lease's current version was first seen by this replica. A held Lease is expired once
 * its version has not moved for its duration, measured on this replica's clock from that first
 * sight: the rule of client-go's leader election, which never compares another machine's clock (the
 * Lease's renewTime) with ours. A Lease first seen now therefore counts as fresh for a whole
 * duration.
 */
final class LeaseObservations {
  private final Map<String, Seen> seen = new HashMap<>();

  /** Records the versions of one listing; Leases no longer listed are forgotten. */
  void observe(Collection<LeaseSnapshot> leases, Instant now) {
    Map<String, Seen> next = new HashMap<>();
    for (LeaseSnapshot lease : leases) {
      Seen before = seen.get(lease.name());
      next.put(
          lease.name(),
          before != null && before.version().equals(lease.resourceVersion())
              ? before
              : new Seen(lease.resourceVersion(), now));
    }
    seen.clear();
    seen.putAll(next);
  }

  /** Nobody holds it, or its holder has not renewed it for its duration. */
  boolean free(LeaseSnapshot lease, Instant now) {
    if (!lease.held()) {
      return true;
    }
    Seen first = seen.get(lease.name());
    Instant since =
        first != null && first.version().equals(lease.resourceVersion()) ? first.at() : now;
    return !now.isBefore(since.plus(lease.duration()));
  }

  private record Seen(String version, Instant at) {}
}
