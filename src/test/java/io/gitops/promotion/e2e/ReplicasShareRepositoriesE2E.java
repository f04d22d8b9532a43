package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.bench.RepositoryShape;
import io.gitops.promotion.bench.SyntheticRepository;
import io.gitops.promotion.config.RepositoryLeaseSettings;
import io.gitops.promotion.testing.GitHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scenario on the real API server: three operator processes (own JVMs, the operator's
 * ServiceAccount), six repositories, ninety Promotions applied at once. Every Lease change is
 * watched: a repository goes from one replica to another only after the first stopped writing
 * (given back, or taken at least the renew deadline after its last renewal). One replica is killed
 * with SIGKILL mid-run (the first of its Promotions is Running; they were created last): its
 * repositories move within the Lease duration, every Promotion Succeeds with exactly one commit
 * (the new holder resumes by the Promotion-Id trailer), and a fourth replica started later gets a
 * share.
 */
@ExtendWith(RealControlPlane.class)
class ReplicasShareRepositoriesE2E {
  private static final int REPOSITORIES = 6;
  private static final int PER_REPOSITORY = 15;
  private static final Duration DURATION = Duration.ofSeconds(8);
  private static final Duration RENEW_DEADLINE = Duration.ofSeconds(5);
  private static final String SECRET = "argocd-git";
  private static final String USER = "replicas";

  private final String run = UUID.randomUUID().toString().substring(0, 5);
  private final List<OperatorReplica> replicas = new ArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<String, Lease> lastSeen = new ConcurrentHashMap<>();
  private final List<String> transitions = new CopyOnWriteArrayList<>();
  private ControlPlane controlPlane;
  private GitHttpServer git;
  private Watch watch;
  private Path work;

  @Test
  void threeReplicasShareSixRepositoriesSurviveASigkillAndMakeRoomForAFourth(
      ControlPlane controlPlane) throws Exception {
    this.controlPlane = controlPlane;
    String namespace = controlPlane.createNamespace("replicasShareRepositories");
    work = RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace).toAbsolutePath();
    Files.createDirectories(work.resolve("git"));
    List<String> names =
        IntStream.rangeClosed(1, REPOSITORIES).mapToObj(i -> "team" + i + "-" + run).toList();
    Map<String, SyntheticRepository> repositories = new HashMap<>();
    for (String name : names) {
      SyntheticRepository repo =
          SyntheticRepository.generate(
              RepositoryShape.uniform(PER_REPOSITORY, 1, 1, 2, RepositoryShape.DEFAULT_SEED),
              work.resolve("git/" + name + ".git"));
      repo.disableAutomaticGc();
      repo.groups().forEach(group -> repo.bumpTags(group, "dev"));
      repositories.put(name, repo);
    }
    String password = UUID.randomUUID().toString();
    git = GitHttpServer.start(work.resolve("git"), USER, password);
    controlPlane
        .kubectl()
        .apply(
            ControlPlane.OPERATOR_NAMESPACE,
            """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
        type: kubernetes.io/basic-auth
        stringData:
          username: %s
          password: %s
        """
                .formatted(SECRET, USER, password))
        .orThrow();
    watch =
        controlPlane
            .admin()
            .leases()
            .inNamespace(ControlPlane.OPERATOR_NAMESPACE)
            .watch(new LeaseWatcher(names));
    Map<String, String> heads =
        names.stream().collect(Collectors.toMap(n -> n, n -> head(repositories.get(n))));

    for (int i = 1; i <= 3; i++) {
      replicas.add(startReplica("replica-" + i + "-" + run, names, namespace));
    }
    await("the six repositories shared out two each")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                holders(names).values().stream()
                        .collect(Collectors.groupingBy(h -> h, Collectors.counting()))
                        .values()
                        .stream()
                        .allMatch(n -> n == 2)
                    && holders(names).size() == REPOSITORIES);

    // all ninety at once, those of the replica to be killed last, so that it is killed in the
    // middle of its work
    OperatorReplica victim = replicas.get(2);
    List<String> ofVictim =
        holders(names).entrySet().stream()
            .filter(e -> e.getValue().equals(victim.id()))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(ofVictim).isNotEmpty();
    List<String> order = new ArrayList<>(names);
    order.sort(java.util.Comparator.comparing(ofVictim::contains));
    List<Promotion> created = new ArrayList<>();
    Instant createdAt = Instant.now();
    for (String name : order) {
      for (int i = 0; i < PER_REPOSITORY; i++) {
        created.add(
            controlPlane
                .admin()
                .resource(promotion(namespace, name, repositories.get(name).groups().get(i)))
                .create());
      }
    }
    await("the replica to be killed at work")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                controlPlane
                    .admin()
                    .resources(Promotion.class)
                    .inNamespace(namespace)
                    .list()
                    .getItems()
                    .stream()
                    .anyMatch(
                        p ->
                            p.getStatus() != null
                                && victim.id().equals(p.getStatus().getReplica())));
    Instant killedAt = Instant.now();
    victim.kill();
    await("the killed replica's repositories move")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                ofVictim.stream()
                    .allMatch(
                        r ->
                            holders(names).get(r) != null
                                && !holders(names).get(r).equals(victim.id())));
    Duration moved = Duration.between(killedAt, Instant.now());

    await("every promotion Succeeded")
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> succeeded(namespace) == created.size());
    Duration allDone = Duration.between(createdAt, Instant.now());

    List<String> ids = replicas.stream().map(OperatorReplica::id).toList();
    Map<String, Long> ranBy = new java.util.TreeMap<>();
    for (Promotion p : created) {
      Promotion done =
          controlPlane
              .admin()
              .resources(Promotion.class)
              .inNamespace(namespace)
              .withName(p.getMetadata().getName())
              .get();
      assertThat(done.getStatus().getReplica()).as(p.getMetadata().getName()).isIn(ids);
      if (ofVictim.contains(p.getSpec().getRepository())) {
        ranBy.merge(done.getStatus().getReplica(), 1L, Long::sum);
      }
    }
    assertThat(ranBy.keySet())
        .as("the killed replica's promotions finished by the replicas that took its repositories")
        .anyMatch(id -> !id.equals(victim.id()));
    for (String name : names) {
      Map<String, Long> byId = promotionIds(repositories.get(name), heads.get(name));
      List<String> uids =
          created.stream()
              .filter(p -> p.getSpec().getRepository().equals(name))
              .map(p -> p.getMetadata().getUid())
              .toList();
      assertThat(byId)
          .as("commits of " + name + " by Promotion-Id")
          .hasSize(PER_REPOSITORY)
          .containsOnlyKeys(uids)
          .allSatisfy((uid, count) -> assertThat(count).isEqualTo(1L));
    }

    OperatorReplica fourth = startReplica("replica-4-" + run, names, namespace);
    replicas.add(fourth);
    await("the fourth replica gets a share")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                holders(names).values().stream()
                    .collect(Collectors.groupingBy(h -> h, Collectors.counting()))
                    .equals(
                        Map.of(
                            replicas.get(0).id(), 2L, replicas.get(1).id(), 2L, fourth.id(), 2L)));

    System.out.printf(
        Locale.ROOT,
        "%d promotions on %d repositories: all Succeeded %.1f s after creation; the killed "
            + "replica's %d repositories moved %.1f s after SIGKILL, their promotions ran by %s; %d Lease transitions: %s%n",
        created.size(),
        REPOSITORIES,
        allDone.toMillis() / 1000.0,
        ofVictim.size(),
        moved.toMillis() / 1000.0,
        ranBy,
        transitions.size(),
        transitions);
    assertThat(moved).isLessThan(DURATION.plus(Duration.ofSeconds(4)));
    assertThat(violations)
        .as("a repository taken while its previous holder could still write")
        .isEmpty();
    assertThat(fourth.metric("promotion_repository_leases_held")).isGreaterThanOrEqualTo(1);
    assertThat(replicas.get(0).metric("promotion_repository_lease_acquisitions_total"))
        .isGreaterThanOrEqualTo(2);
  }

  private OperatorReplica startReplica(String id, List<String> names, String namespace) {
    String repositories =
        names.stream()
            .map(
                n ->
                    """
          - name: %s
            url: %s
            branch: main
            credentialsSecret: %s
        """
                        .formatted(n, git.url(n + ".git"), SECRET))
            .collect(Collectors.joining());
    int port = freePort();
    Path config = work.resolve(id + ".yaml");
    write(
        config,
        """
        repositories:
        %s
        committer: {name: promotion-operator, email: promotion-operator@example.com}
        git: {cacheDir: %s}
        httpPort: %d
        watchNamespaces: [%s]
        repositoryLeases: {duration: %ds, renewDeadline: %ds, retryPeriod: 1s}
        """
            .formatted(
                repositories.stripTrailing(),
                work.resolve("cache-" + id),
                port,
                namespace,
                DURATION.toSeconds(),
                RENEW_DEADLINE.toSeconds()));
    String token =
        controlPlane.serviceAccountToken(
            ControlPlane.OPERATOR_NAMESPACE, ControlPlane.OPERATOR_SERVICE_ACCOUNT);
    Path kubeconfig =
        controlPlane.writeTokenKubeconfig(
            work.resolve(id + ".kubeconfig"), "operator", token, ControlPlane.OPERATOR_NAMESPACE);
    return OperatorReplica.start(id, config, kubeconfig, port, work.resolve(id + ".log"));
  }

  /** Repository -> holder, for the Leases of these repositories that have one. */
  private Map<String, String> holders(List<String> names) {
    Map<String, String> holders = new HashMap<>();
    for (String name : names) {
      Lease lease = lastSeen.get(RepositoryLeaseSettings.leaseName(name));
      if (lease != null && lease.getSpec().getHolderIdentity() != null) {
        holders.put(name, lease.getSpec().getHolderIdentity());
      }
    }
    return holders;
  }

  private long succeeded(String namespace) {
    return controlPlane
        .admin()
        .resources(Promotion.class)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getPhase() == Phase.SUCCEEDED)
        .count();
  }

  private static Promotion promotion(String namespace, String repository, String group) {
    PromotionSpec spec = new PromotionSpec();
    spec.setRepository(repository);
    spec.setWorkloadGroup(group);
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName(repository + "-" + group)
            .withNamespace(namespace)
            .build());
    p.setSpec(spec);
    return p;
  }

  private static String head(SyntheticRepository repo) {
    try (Repository r = FileRepositoryBuilder.create(repo.bareDir().toFile())) {
      return r.resolve("refs/heads/main").getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Promotion-Id trailer -> commits carrying it, among the commits after {@code since}. */
  private static Map<String, Long> promotionIds(SyntheticRepository repo, String since) {
    Map<String, Long> ids = new HashMap<>();
    try (Repository r = FileRepositoryBuilder.create(repo.bareDir().toFile());
        RevWalk walk = new RevWalk(r)) {
      walk.markStart(walk.parseCommit(r.resolve("refs/heads/main")));
      walk.markUninteresting(walk.parseCommit(r.resolve(since)));
      for (RevCommit commit : walk) {
        commit.getFooterLines("Promotion-Id").forEach(id -> ids.merge(id, 1L, Long::sum));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /**
   * Every version of the repository Leases: a new holder must follow a release (no holder) or come
   * at least the renew deadline after the previous holder's last renewal, when that holder had
   * stopped writing.
   */
  private final class LeaseWatcher implements Watcher<Lease> {
    private final List<String> leaseNames;

    LeaseWatcher(List<String> repositories) {
      this.leaseNames = repositories.stream().map(RepositoryLeaseSettings::leaseName).toList();
    }

    @Override
    public void eventReceived(Action action, Lease lease) {
      String name = lease.getMetadata().getName();
      if (!leaseNames.contains(name) || action == Action.DELETED) {
        return;
      }
      Lease before = lastSeen.put(name, lease);
      String holder = lease.getSpec().getHolderIdentity();
      String previous = before == null ? null : before.getSpec().getHolderIdentity();
      if (holder == null || holder.equals(previous)) {
        return;
      }
      transitions.add(name + ": " + previous + " -> " + holder);
      if (previous != null) {
        Instant lastRenewal = before.getSpec().getRenewTime().toInstant();
        Instant taken = lease.getSpec().getAcquireTime().toInstant();
        if (Duration.between(lastRenewal, taken).compareTo(RENEW_DEADLINE) < 0) {
          violations.add(
              name
                  + " taken by "
                  + holder
                  + " at "
                  + taken
                  + ", "
                  + previous
                  + " renewed it at "
                  + lastRenewal);
        }
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      if (cause != null) {
        violations.add("the Lease watch closed: " + cause.getMessage());
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (OperatorReplica replica : replicas) {
      replica.close();
    }
    if (watch != null) {
      watch.close();
    }
    if (git != null) {
      git.close();
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
