package io.gitops.promotion.lease;

import io.gitops.promotion.config.RepositoryLeaseSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One replica's reading of the Leases, round after round: which replica holds which repository
 * (Leases held and not expired) and which replicas are live (heartbeat Leases not expired). Pure:
 * the listing and the time are given.
 */
public final class LeaseBoard {
  public static final String HEARTBEAT_PREFIX = "promotion-replica-";

  private final Map<String, String> repositoryByLease = new HashMap<>();
  private final LeaseObservations observations = new LeaseObservations();

  public LeaseBoard(List<String> repositories) {
    repositories.forEach(r -> repositoryByLease.put(RepositoryLeaseSettings.leaseName(r), r));
  }

  /** The heartbeat Lease of a replica: its identity made a Lease name. */
  public static String heartbeatLease(String identity) {
    String name =
        HEARTBEAT_PREFIX + identity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    name = name.substring(0, Math.min(name.length(), 253)).replaceAll("[.-]+$", "");
    return name;
  }

  public Reading read(Collection<LeaseSnapshot> leases, Instant now) {
    observations.observe(leases, now);
    Map<String, String> holders = new HashMap<>();
    Map<String, LeaseSnapshot> byRepository = new HashMap<>();
    Set<String> live = new HashSet<>();
    for (LeaseSnapshot lease : leases) {
      String repository = repositoryByLease.get(lease.name());
      if (repository != null) {
        byRepository.put(repository, lease);
        if (!observations.free(lease, now)) {
          holders.put(repository, lease.holder());
        }
      } else if (lease.name().startsWith(HEARTBEAT_PREFIX) && !observations.free(lease, now)) {
        live.add(lease.holder());
      }
    }
    return new Reading(holders, live, byRepository);
  }

  /**
   * @param holders repository -> its holder, for Leases held and not expired
   * @param live replicas whose heartbeat has not expired
   * @param byRepository every repository Lease that exists, by repository
   */
  public record Reading(
      Map<String, String> holders, Set<String> live, Map<String, LeaseSnapshot> byRepository) {}
}
