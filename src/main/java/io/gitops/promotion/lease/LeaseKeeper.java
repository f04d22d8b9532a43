package io.gitops.promotion.lease;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops.promotion.config.RepositoryLeaseSettings;
import io.gitops.promotion.run.RepositoryWriters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's Leases every retry period: renews its heartbeat Lease and the repository
 * Leases it holds, reads all of them, and takes or gives back repository Leases as {@link
 * ShareRule} says. Every write is made at the resource version read (optimistic concurrency: of two
 * replicas writing the same Lease, the API server lets one through and answers 409 to the other). A
 * Lease not renewed within the renew deadline, or found with another holder, is lost: the
 * repository's writer stops (its fence is {@link RepositoryLeases}) and forgets what was queued. A
 * Lease is given back only after the fence is closed and no batch is landing. Taking a Lease wakes
 * the repository's resources.
 */
public final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
  private static final int CONFLICT = 409;
  private static final String LABEL = "promotion.gitops.io/lease";

  private final KubernetesClient client;
  private final String namespace;
  private final List<String> repositories;
  private final RepositoryLeaseSettings settings;
  private final RepositoryLeases leases;
  private final RepositoryWriters writers;
  private final LeaseListener listener;
  private final Clock clock;
  private final LeaseBoard board;
  private final String me;
  private final Map<String, Held> mine = new LinkedHashMap<>();
  private final Set<String> releasing = new HashSet<>();
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "lease-keeper");
            t.setDaemon(true);
            return t;
          });
  private Lease heartbeat;

  public LeaseKeeper(
      KubernetesClient client,
      String namespace,
      List<String> repositories,
      RepositoryLeaseSettings settings,
      RepositoryLeases leases,
      RepositoryWriters writers,
      LeaseListener listener,
      Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.repositories = List.copyOf(repositories);
    this.settings = settings;
    this.leases = leases;
    this.writers = writers;
    this.listener = listener;
    this.clock = clock;
    this.board = new LeaseBoard(repositories);
    this.me = leases.replica();
  }

  public LeaseKeeper start() {
    loop.scheduleWithFixedDelay(
        this::round, 0, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private synchronized void round() {
    try {
      Instant started = clock.instant();
      beat(started);
      renew(started);
      Map<String, Lease> listed =
          client.leases().inNamespace(namespace).list().getItems().stream()
              .collect(Collectors.toMap(l -> l.getMetadata().getName(), l -> l, (a, b) -> a));
      LeaseBoard.Reading reading =
          board.read(listed.values().stream().map(LeaseKeeper::snapshot).toList(), clock.instant());
      loseWhatOthersHold(reading);
      loseWhatWasNotRenewed();
      finishReleases();
      Map<String, String> holders = new HashMap<>(reading.holders());
      // held under this identity but not known here (an earlier process of the same pod): taken
      // again
      holders.entrySet().removeIf(e -> e.getValue().equals(me) && !mine.containsKey(e.getKey()));
      Set<String> busy =
          repositories.stream().filter(r -> writers.of(r).isLanding()).collect(Collectors.toSet());
      ShareRule.Plan plan = ShareRule.plan(me, repositories, holders, reading.live(), busy);
      for (String repository : plan.take()) {
        LeaseSnapshot seen = reading.byRepository().get(repository);
        take(repository, seen == null ? null : listed.get(seen.name()));
      }
      if (releasing.isEmpty()) {
        plan.giveBack().ifPresent(this::giveBack);
      }
    } catch (RuntimeException e) {
      LOG.warn("Keeping the repository Leases failed this round: {}", e.getMessage());
      loseWhatWasNotRenewed();
    }
  }

  /**
   * The heartbeat Lease says this replica is live; it counts in every replica's share. A failed
   * beat is read again next round and does not hold up the renewals of the repository Leases.
   */
  private void beat(Instant now) {
    try {
      if (heartbeat == null) {
        heartbeat =
            client.leases().inNamespace(namespace).withName(LeaseBoard.heartbeatLease(me)).get();
      }
      heartbeat =
          heartbeat == null
              ? create(LeaseBoard.heartbeatLease(me), "replica", now)
              : client
                  .leases()
                  .inNamespace(namespace)
                  .resource(holding(heartbeat, now, false))
                  .update();
    } catch (KubernetesClientException e) {
      heartbeat = null;
      LOG.warn("Renewing the heartbeat Lease failed: {}", e.getMessage());
    }
  }

  private void renew(Instant started) {
    for (Map.Entry<String, Held> entry : List.copyOf(mine.entrySet())) {
      String repository = entry.getKey();
      try {
        Lease renewed =
            client
                .leases()
                .inNamespace(namespace)
                .resource(holding(entry.getValue().lease(), started, false))
                .update();
        Instant until = started.plus(settings.renewDeadline());
        mine.put(repository, new Held(renewed, until));
        if (!releasing.contains(repository)) {
          leases.renewed(repository, until);
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() == CONFLICT || e.getCode() == 404) {
          lose(repository, "its Lease was written by someone else");
        } else {
          LOG.warn("Renewing the Lease of repository {} failed: {}", repository, e.getMessage());
        }
      }
    }
  }

  private void take(String repository, Lease seen) {
    Instant started = clock.instant();
    String name = RepositoryLeaseSettings.leaseName(repository);
    try {
      Lease taken =
          seen == null
              ? create(name, "repository", started)
              : client
                  .leases()
                  .inNamespace(namespace)
                  .resource(holding(seen, started, true))
                  .update();
      mine.put(repository, new Held(taken, started.plus(settings.renewDeadline())));
      LOG.info("Took the Lease of repository {}", repository);
      listener.acquired(repository);
      leases.acquired(repository, started.plus(settings.renewDeadline()));
    } catch (KubernetesClientException e) {
      if (e.getCode() != CONFLICT) {
        throw e;
      }
      // another replica wrote it first
    }
  }

  /** Closes the fence now; the Lease is written free once no batch of the repository is landing. */
  private void giveBack(String repository) {
    leases.revoke(repository);
    releasing.add(repository);
    finishReleases();
  }

  private void finishReleases() {
    for (String repository : List.copyOf(releasing)) {
      if (writers.of(repository).isLanding()) {
        continue;
      }
      Held held = mine.remove(repository);
      releasing.remove(repository);
      writers.of(repository).abandon();
      if (held != null) {
        release(held.lease());
      }
      LOG.info(
          "Gave back the Lease of repository {} so that another replica gets a share", repository);
      listener.released(repository);
    }
  }

  private void release(Lease lease) {
    try {
      Lease free = new LeaseBuilder(lease).editSpec().withHolderIdentity(null).endSpec().build();
      client.leases().inNamespace(namespace).resource(free).update();
    } catch (RuntimeException e) {
      LOG.warn(
          "Giving back Lease {} failed (it expires instead): {}",
          lease.getMetadata().getName(),
          e.getMessage());
    }
  }

  private void loseWhatOthersHold(LeaseBoard.Reading reading) {
    for (String repository : List.copyOf(mine.keySet())) {
      LeaseSnapshot listed = reading.byRepository().get(repository);
      if (listed == null || !me.equals(listed.holder())) {
        lose(repository, "another replica holds its Lease");
      }
    }
  }

  private void loseWhatWasNotRenewed() {
    Instant now = clock.instant();
    for (Map.Entry<String, Held> entry : List.copyOf(mine.entrySet())) {
      if (!now.isBefore(entry.getValue().validUntil())) {
        lose(
            entry.getKey(),
            "its Lease was not renewed within " + settings.renewDeadline().toSeconds() + "s");
      }
    }
  }

  private void lose(String repository, String why) {
    leases.revoke(repository);
    mine.remove(repository);
    boolean wasReleasing = releasing.remove(repository);
    writers.of(repository).abandon();
    if (!wasReleasing) {
      LOG.warn("Lost repository {}: {}", repository, why);
      listener.lost(repository);
    }
  }

  private Lease create(String name, String kind, Instant now) {
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels(LABEL, kind)
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(me)
            .withLeaseDurationSeconds(durationSeconds())
            .withAcquireTime(time(now))
            .withRenewTime(time(now))
            .withLeaseTransitions(0)
            .endSpec()
            .build();
    return client.leases().inNamespace(namespace).resource(lease).create();
  }

  /**
   * The Lease held by this replica, renewed now; at its resource version, so a write in between
   * fails.
   */
  private Lease holding(Lease lease, Instant now, boolean newHolder) {
    LeaseBuilder builder =
        new LeaseBuilder(lease)
            .editSpec()
            .withHolderIdentity(me)
            .withLeaseDurationSeconds(durationSeconds())
            .withRenewTime(time(now))
            .endSpec();
    if (newHolder) {
      int transitions =
          lease.getSpec().getLeaseTransitions() == null ? 0 : lease.getSpec().getLeaseTransitions();
      builder.editSpec().withAcquireTime(time(now)).withLeaseTransitions(transitions + 1).endSpec();
    }
    return builder.build();
  }

  private int durationSeconds() {
    return (int) settings.duration().toSeconds();
  }

  private static ZonedDateTime time(Instant instant) {
    return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static LeaseSnapshot snapshot(Lease lease) {
    Integer seconds = lease.getSpec() == null ? null : lease.getSpec().getLeaseDurationSeconds();
    return new LeaseSnapshot(
        lease.getMetadata().getName(),
        lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity(),
        lease.getMetadata().getResourceVersion(),
        Duration.ofSeconds(seconds == null ? 0 : seconds));
  }

  /**
   * Stops keeping Leases: the fences close at once; the Leases of repositories with no batch
   * landing are given back (so other replicas take them without waiting for them to expire), and
   * the heartbeat is deleted. A batch still landing keeps its Lease until it expires.
   */
  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      mine.keySet().forEach(leases::revoke);
      for (Map.Entry<String, Held> entry : mine.entrySet()) {
        if (!writers.of(entry.getKey()).isLanding()) {
          release(entry.getValue().lease());
        }
      }
      mine.clear();
      try {
        client.leases().inNamespace(namespace).withName(LeaseBoard.heartbeatLease(me)).delete();
      } catch (RuntimeException e) {
        LOG.warn("Deleting the heartbeat Lease failed (it expires instead): {}", e.getMessage());
      }
    }
  }

  private record Held(Lease lease, Instant validUntil) {}
}
