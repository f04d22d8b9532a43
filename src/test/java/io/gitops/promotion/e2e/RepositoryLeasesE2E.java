package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.config.RepositoryLeaseSettings;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.lease.LeaseKeeper;
import io.gitops.promotion.lease.LeaseListener;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.run.PushRetry;
import io.gitops.promotion.run.RepositoryWriters;
import io.gitops.promotion.run.RunListener;
import io.gitops.promotion.run.RunLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LeaseKeeper}s of several replicas on the real API server, each authenticated as the operator's
 * ServiceAccount (so the Role of {@code deploy/rbac.yaml} is enough): six repositories are shared out,
 * never held by two replicas at once (sampled every 50 ms from what each replica believes it may write),
 * a replica cut off from the API server stops writing before the others take its repositories, and a
 * replica started later gets a share.
 */
@ExtendWith(RealControlPlane.class)
class RepositoryLeasesE2E {
  private static final RepositoryLeaseSettings FAST = new RepositoryLeaseSettings(true, Duration.ofSeconds(4),
      Duration.ofSeconds(3), Duration.ofMillis(500));

  private final String run = UUID.randomUUID().toString().substring(0, 5);
  private final List<String> repositories = IntStream.rangeClosed(1, 6).mapToObj(i -> "r" + i + "-" + run).toList();
  private final Map<String, Replica> replicas = new HashMap<>();
  private final ConcurrentLinkedQueue<String> overlaps = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private ControlPlane controlPlane;

  @Test
  void sixRepositoriesAreSharedOutAndMoveWhenAReplicaIsCutOff(ControlPlane controlPlane) {
    this.controlPlane = controlPlane;
    sampler.scheduleAtFixedRate(this::sampleExclusiveHolding, 0, 50, TimeUnit.MILLISECONDS);
    start("a-" + run);
    start("b-" + run);
    start("c-" + run);

    await("two repositories each").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> heldCounts().values().stream().allMatch(n -> n == 2) && heldCounts().size() == 3);
    Map<String, String> holders = leaseHolders();
    assertThat(holders).hasSize(6);
    repositories.forEach(r -> assertThat(holders.get(RepositoryLeaseSettings.leaseName(r)))
        .isEqualTo(holderOf(r)));

    Replica cut = replicas.get("c-" + run);
    List<String> ofCut = List.copyOf(cut.leases.held());
    Instant cutAt = Instant.now();
    cut.client.close();
    await("the cut-off replica's repositories taken by the others").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ofCut.stream().allMatch(r -> holderOf(r) != null && !holderOf(r).equals(cut.id)));
    // renewed at most a retry period before the cut; seen expired a duration after that version was observed
    assertThat(Duration.between(cutAt, Instant.now())).isLessThan(FAST.duration().plus(FAST.retryPeriod().multipliedBy(4)));
    assertThat(cut.leases.held()).isEmpty();
    cut.keeper.close();
    replicas.remove(cut.id);
    await("three each").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> heldCounts().values().stream().allMatch(n -> n == 3));

    start("d-" + run);
    await("the new replica gets a share").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> heldCounts().getOrDefault("d-" + run, 0) == 2 && heldCounts().values().stream().allMatch(n -> n == 2));
    assertThat(overlaps).as("moments two replicas could write the same repository").isEmpty();
    assertThat(replicas.get("d-" + run).acquired).hasSize(2);
  }

  private void start(String id) {
    String token = controlPlane.serviceAccountToken(ControlPlane.OPERATOR_NAMESPACE, ControlPlane.OPERATOR_SERVICE_ACCOUNT);
    KubernetesClient client = controlPlane.clientWithToken(token, ControlPlane.OPERATOR_NAMESPACE);
    RepositoryLeases leases = RepositoryLeases.shared(id, repositories, Clock.systemUTC());
    RunLoop loop = new RunLoop(new PersonIdent("t", "t@example.com"), Clock.systemUTC(), PushRetry.DEFAULT,
        Sleeper.blocking(), RunListener.NONE);
    RepositoryWriters writers = new RepositoryWriters(loop, 10, leases);
    Replica replica = new Replica(id, client, leases, writers);
    replica.keeper = new LeaseKeeper(client, ControlPlane.OPERATOR_NAMESPACE, repositories, FAST, leases, writers,
        replica, Clock.systemUTC()).start();
    replicas.put(id, replica);
  }

  private void sampleExclusiveHolding() {
    Map<String, List<String>> writers = new HashMap<>();
    for (Replica replica : List.copyOf(replicas.values())) {
      for (String repository : repositories) {
        if (replica.leases.mayWrite(repository)) {
          writers.computeIfAbsent(repository, r -> new ArrayList<>()).add(replica.id);
        }
      }
    }
    writers.forEach((repository, ids) -> {
      if (ids.size() > 1) {
        overlaps.add(Instant.now() + " " + repository + " " + ids);
      }
    });
  }

  private String holderOf(String repository) {
    return replicas.values().stream().filter(r -> r.leases.held().contains(repository)).map(r -> r.id).findFirst()
        .orElse(null);
  }

  private Map<String, Integer> heldCounts() {
    return replicas.values().stream().collect(Collectors.toMap(r -> r.id, r -> r.leases.held().size()));
  }

  private Map<String, String> leaseHolders() {
    return controlPlane.admin().leases().inNamespace(ControlPlane.OPERATOR_NAMESPACE).list().getItems().stream()
        .filter(l -> repositories.stream().anyMatch(r -> RepositoryLeaseSettings.leaseName(r).equals(l.getMetadata().getName())))
        .filter(l -> l.getSpec().getHolderIdentity() != null)
        .collect(Collectors.toMap(l -> l.getMetadata().getName(), (Lease l) -> l.getSpec().getHolderIdentity()));
  }

  @AfterEach
  void stop() {
    sampler.shutdownNow();
    replicas.values().forEach(r -> {
      r.keeper.close();
      r.writers.close();
      r.client.close();
    });
  }

  private static final class Replica implements LeaseListener {
    private final String id;
    private final KubernetesClient client;
    private final RepositoryLeases leases;
    private final RepositoryWriters writers;
    private final List<String> acquired = new java.util.concurrent.CopyOnWriteArrayList<>();
    private LeaseKeeper keeper;

    Replica(String id, KubernetesClient client, RepositoryLeases leases, RepositoryWriters writers) {
      this.id = id;
      this.client = client;
      this.leases = leases;
      this.writers = writers;
    }

    @Override
    public void acquired(String repository) {
      acquired.add(repository);
    }
  }
}
