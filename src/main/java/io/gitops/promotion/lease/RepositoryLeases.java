package io.gitops.promotion.lease;

import io.gitops.promotion.run.WriteFence;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which repositories this replica works on: those whose Lease it holds, each until its renew
 * deadline since the last renewal (after that it writes nothing, whatever the Lease says). The
 * reconcilers ask before acting on a resource, the repository writers before every fetch and push.
 * A resource whose repository is unknown belongs to the first configured repository, so exactly one
 * replica fails it. With leases off ({@link #everything}), this replica works on every repository.
 */
public final class RepositoryLeases implements WriteFence {
  private final String replica;
  private final String firstRepository;
  private final Clock clock;
  private final boolean everything;
  private final Map<String, Instant> validUntil = new ConcurrentHashMap<>();
  private final List<Consumer<String>> acquiredListeners = new CopyOnWriteArrayList<>();

  private RepositoryLeases(
      String replica, String firstRepository, Clock clock, boolean everything) {
    this.replica = replica;
    this.firstRepository = firstRepository;
    this.clock = clock;
    this.everything = everything;
  }

  /** Works on the repositories whose Lease the {@link LeaseKeeper} took for it. */
  public static RepositoryLeases shared(String replica, List<String> repositories, Clock clock) {
    return new RepositoryLeases(replica, repositories.get(0), clock, false);
  }

  /** Works on every repository: one replica, or one leader elected through a single Lease. */
  public static RepositoryLeases everything(String replica) {
    return new RepositoryLeases(replica, null, Clock.systemUTC(), true);
  }

  /** The identity this replica holds Leases under; it names the replica on the status it writes. */
  public String replica() {
    return replica;
  }

  /**
   * @param repository a configured repository's name, or null when a resource's repository is
   *     unknown
   */
  public boolean holds(String repository) {
    if (everything) {
      return true;
    }
    Instant until = validUntil.get(repository == null ? firstRepository : repository);
    return until != null && clock.instant().isBefore(until);
  }

  @Override
  public boolean mayWrite(String repository) {
    return holds(repository);
  }

  /** Runs {@code listener} with the repository's name whenever this replica takes a Lease. */
  public void onAcquired(Consumer<String> listener) {
    acquiredListeners.add(listener);
  }

  /** The repositories this replica works on now. */
  public Set<String> held() {
    Instant now = clock.instant();
    Set<String> held = new TreeSet<>();
    validUntil.forEach(
        (repository, until) -> {
          if (now.isBefore(until)) {
            held.add(repository);
          }
        });
    return held;
  }

  /**
   * The {@link LeaseKeeper} took the repository's Lease: work on it until {@code until} unless
   * renewed.
   */
  public void acquired(String repository, Instant until) {
    validUntil.put(repository, until);
    acquiredListeners.forEach(listener -> listener.accept(repository));
  }

  void renewed(String repository, Instant until) {
    validUntil.computeIfPresent(repository, (r, before) -> until.isAfter(before) ? until : before);
  }

  /** Stop working on the repository now (its Lease is lost or being given back). */
  public void revoke(String repository) {
    validUntil.remove(repository);
  }
}
