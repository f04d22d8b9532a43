package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.config.RepositoryLeaseSettings;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.lease.LeaseKeeper;
import io.gitops.promotion.lease.LeaseListener;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Planned;
import io.gitops.promotion.run.PushRetry;
import io.gitops.promotion.run.RepositoryWriter;
import io.gitops.promotion.run.RepositoryWriters;
import io.gitops.promotion.run.RunCounts;
import io.gitops.promotion.run.RunListener;
import io.gitops.promotion.run.RunLoop;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LeaseKeeper}s of several replicas on the real API server, each authenticated as the
 * operator's ServiceAccount (so the Role of {@code deploy/rbac.yaml} is enough): six repositories
 * are shared out, never held by two replicas at once (sampled every 50 ms from what each replica
 * believes it may write), a replica cut off from the API server stops writing before the others
 * take its repositories, a replica started later gets a share, and a repository given back while
 * its batch is landing is handed over only after the batch stopped, with nothing pushed past the
 * closed fence.
 */
@ExtendWith(RealControlPlane.class)
class RepositoryLeasesE2E {
  private static final RepositoryLeaseSettings FAST =
      new RepositoryLeaseSettings(
          true, Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500));

  private final String run = UUID.randomUUID().toString().substring(0, 5);
  @TempDir Path dir;
  private final List<String> repositories =
      IntStream.rangeClosed(1, 6).mapToObj(i -> "r" + i + "-" + run).toList();
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

    await("two repositories each")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> heldCounts().values().stream().allMatch(n -> n == 2) && heldCounts().size() == 3);
    Map<String, String> holders = leaseHolders();
    assertThat(holders).hasSize(6);
    repositories.forEach(
        r -> assertThat(holders.get(RepositoryLeaseSettings.leaseName(r))).isEqualTo(holderOf(r)));

    Replica cut = replicas.get("c-" + run);
    List<String> ofCut = List.copyOf(cut.leases.held());
    Instant cutAt = Instant.now();
    cut.client.close();
    await("the cut-off replica's repositories taken by the others")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> ofCut.stream().allMatch(r -> holderOf(r) != null && !holderOf(r).equals(cut.id)));
    // renewed at most a retry period before the cut; seen expired a duration after that version was
    // observed
    assertThat(Duration.between(cutAt, Instant.now()))
        .isLessThan(FAST.duration().plus(FAST.retryPeriod().multipliedBy(4)));
    assertThat(cut.leases.held()).isEmpty();
    cut.keeper.close();
    replicas.remove(cut.id);
    await("three each")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> heldCounts().values().stream().allMatch(n -> n == 3));

    start("d-" + run);
    await("the new replica gets a share")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                heldCounts().getOrDefault("d-" + run, 0) == 2
                    && heldCounts().values().stream().allMatch(n -> n == 2));
    assertThat(overlaps).as("moments two replicas could write the same repository").isEmpty();
    assertThat(replicas.get("d-" + run).acquired).hasSize(2);
  }

  @Test
  void aRepositoryWhoseBatchIsLandingIsGivenBackOnlyAfterTheBatchStoppedWithoutPushing(
      ControlPlane controlPlane) throws Exception {
    this.controlPlane = controlPlane;
    List<String> two = List.of("x1-" + run, "x2-" + run);
    Map<String, GitOpsRepository> repos = new HashMap<>();
    two.forEach(
        r -> repos.put(r, GitOpsRepository.create(dir, r + ".git", GitOpsRepository.EXAMPLE)));
    String a = "a-" + run;
    start(a, two);
    await("a holds both")
        .atMost(Duration.ofSeconds(30))
        .until(() -> replicas.get(a).leases.held().size() == 2);
    CountDownLatch planning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Map<String, CountDownLatch> landed = new HashMap<>();
    for (String r : two) {
      landed.put(r, new CountDownLatch(1));
      GitWorkspace workspace =
          GitWorkspace.open(
              new GitRemote(repos.get(r).fileUrl(), "main", GitCredentials.none()),
              dir.resolve(r + "-cache.git"));
      replicas
          .get(a)
          .writers
          .of(r)
          .submit(
              new RepositoryWriter.Submission(
                  "k",
                  "1",
                  new BlockedChange(planning, release),
                  () -> workspace,
                  landed.get(r)::countDown,
                  () -> false));
    }
    assertThat(planning.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String x1Head = repos.get(two.get(0)).head();

    String b = "b-" + run;
    start(b, two);
    // both repositories are landing: a gives back the first by name, closing its fence at once, and
    // keeps its Lease while the batch runs
    await("a stops writing x1")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !replicas.get(a).leases.mayWrite(two.get(0)));
    await("b kept out while a's batch runs")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !replicas.get(b).leases.held().contains(two.get(0)));
    release.countDown();
    await("b takes x1 after the batch")
        .atMost(Duration.ofSeconds(30))
        .until(() -> replicas.get(b).leases.held().contains(two.get(0)));
    assertThat(landed.get(two.get(0)).getCount()).as("x1's batch over before b took it").isZero();
    assertThat(repos.get(two.get(0)).head())
        .as("nothing pushed to x1 after its fence closed")
        .isEqualTo(x1Head);
    assertThat(landed.get(two.get(1)).await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(replicas.get(a).writers.of(two.get(1)).take("k").orElseThrow().orThrow())
        .isEqualTo("pushed");
    assertThat(repos.get(two.get(1)).log().get(0).getFullMessage()).contains("Blocked-Id: k");
    assertThat(replicas.get(a).leases.held()).containsExactly(two.get(1));
  }

  /** A change that waits in its planning until released, then writes one file. */
  private record BlockedChange(CountDownLatch planning, CountDownLatch release)
      implements Change<String> {
    @Override
    public Trailer trailer() {
      return new Trailer("Blocked-Id", "k");
    }

    @Override
    public Instant mayHavePushedSince() {
      return null;
    }

    @Override
    public Planned<String> plan(RepositoryFiles files) {
      planning.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return new Planned<>() {
        @Override
        public Map<String, String> writes() {
          return Map.of("blocked.txt", "k\n");
        }

        @Override
        public String commitMessage() {
          return "blocked\n\nBlocked-Id: k\n";
        }

        @Override
        public String result(String commit, RunCounts counts) {
          return "pushed";
        }
      };
    }

    @Override
    public String resumed(String commit, GitWorkspace workspace, RunCounts counts) {
      return "resumed";
    }
  }

  private void start(String id) {
    start(id, repositories);
  }

  private void start(String id, List<String> repositories) {
    String token =
        controlPlane.serviceAccountToken(
            ControlPlane.OPERATOR_NAMESPACE, ControlPlane.OPERATOR_SERVICE_ACCOUNT);
    KubernetesClient client = controlPlane.clientWithToken(token, ControlPlane.OPERATOR_NAMESPACE);
    RepositoryLeases leases = RepositoryLeases.shared(id, repositories, Clock.systemUTC());
    RunLoop loop =
        new RunLoop(
            new PersonIdent("t", "t@example.com"),
            Clock.systemUTC(),
            PushRetry.DEFAULT,
            Sleeper.blocking(),
            RunListener.NONE);
    RepositoryWriters writers = new RepositoryWriters(loop, 10, leases);
    Replica replica = new Replica(id, client, leases, writers);
    replica.keeper =
        new LeaseKeeper(
                client,
                ControlPlane.OPERATOR_NAMESPACE,
                repositories,
                FAST,
                leases,
                writers,
                replica,
                Clock.systemUTC())
            .start();
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
    writers.forEach(
        (repository, ids) -> {
          if (ids.size() > 1) {
            overlaps.add(Instant.now() + " " + repository + " " + ids);
          }
        });
  }

  private String holderOf(String repository) {
    return replicas.values().stream()
        .filter(r -> r.leases.held().contains(repository))
        .map(r -> r.id)
        .findFirst()
        .orElse(null);
  }

  private Map<String, Integer> heldCounts() {
    return replicas.values().stream()
        .collect(Collectors.toMap(r -> r.id, r -> r.leases.held().size()));
  }

  private Map<String, String> leaseHolders() {
    return controlPlane
        .admin()
        .leases()
        .inNamespace(ControlPlane.OPERATOR_NAMESPACE)
        .list()
        .getItems()
        .stream()
        .filter(
            l ->
                repositories.stream()
                    .anyMatch(
                        r ->
                            RepositoryLeaseSettings.leaseName(r).equals(l.getMetadata().getName())))
        .filter(l -> l.getSpec().getHolderIdentity() != null)
        .collect(
            Collectors.toMap(
                l -> l.getMetadata().getName(), (Lease l) -> l.getSpec().getHolderIdentity()));
  }

  @AfterEach
  void stop() {
    sampler.shutdownNow();
    replicas
        .values()
        .forEach(
            r -> {
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

    Replica(
        String id, KubernetesClient client, RepositoryLeases leases, RepositoryWriters writers) {
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
