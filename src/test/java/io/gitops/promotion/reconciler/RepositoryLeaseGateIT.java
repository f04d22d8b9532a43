package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica works only on the repositories whose Lease it holds: a Promotion or PromotionRollback
 * of another replica's repository gets no status and no Git call from it; taking the Lease wakes it
 * and it runs, its status naming this replica.
 */
@EnableKubernetesMockClient(crud = true)
class RepositoryLeaseGateIT {
  static KubernetesClient client;

  @TempDir Path dir;
  private GitOpsRepository repo;
  private OperatorHarness harness;
  private final RepositoryLeases leases =
      RepositoryLeases.shared("replica-1", List.of("argocd"), Clock.systemUTC());

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    harness =
        new OperatorHarness(
            client,
            repo.fileUrl(),
            dir.resolve("cache"),
            null,
            Clock.systemUTC(),
            Gates.none(),
            leases);
  }

  @AfterEach
  void stop() {
    harness.close();
    OperatorHarness.deletePromotions(client);
    OperatorHarness.deleteRollbacks(client);
  }

  @Test
  void leavesAnotherReplicasRepositoryAloneAndRunsItOnceItTakesTheLease() {
    String head = repo.head();
    promotion("dev-to-tst", null);
    promotion("unknown-repository", "nowhere");
    rollback("undo");

    await("nothing written while another replica holds the Lease")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                statusOf("dev-to-tst") == null
                    && statusOf("unknown-repository") == null
                    && rollbackStatus("undo") == null);
    assertThat(repo.head()).isEqualTo(head);

    leases.acquired("argocd", Instant.now().plus(Duration.ofHours(1)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                statusOf("dev-to-tst") == Phase.SUCCEEDED
                    && statusOf("unknown-repository") == Phase.FAILED
                    && rollbackStatus("undo") != null);
    Promotion done =
        client.resources(Promotion.class).inNamespace("default").withName("dev-to-tst").get();
    assertThat(done.getStatus().getReplica()).isEqualTo("replica-1");
    assertThat(repo.log().get(0).getFullMessage())
        .contains("Promotion-Id: " + done.getMetadata().getUid());
    assertThat(repo.log().get(1).getName()).isEqualTo(head);
  }

  @Test
  void stopsWorkingOnARepositoryWhoseLeaseIsGone() {
    leases.acquired("argocd", Instant.now().plus(Duration.ofHours(1)));
    promotion("first", null);
    await().atMost(Duration.ofSeconds(30)).until(() -> statusOf("first") == Phase.SUCCEEDED);
    String head = repo.head();

    leases.revoke("argocd");
    promotion("second", null);

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> statusOf("second") == null);
    assertThat(repo.head()).isEqualTo(head);
  }

  private Phase statusOf(String name) {
    Promotion p = client.resources(Promotion.class).inNamespace("default").withName(name).get();
    return p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  private Phase rollbackStatus(String name) {
    PromotionRollback r =
        client.resources(PromotionRollback.class).inNamespace("default").withName(name).get();
    return r == null || r.getStatus() == null ? null : r.getStatus().getPhase();
  }

  private void promotion(String name, String repository) {
    PromotionSpec spec = new PromotionSpec();
    spec.setRepository(repository);
    spec.setWorkloadGroup(name.equals("second") ? "payments" : "tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
  }

  private void rollback(String name) {
    PromotionRollbackSpec spec = new PromotionRollbackSpec();
    spec.setWorkloadGroup("payments");
    spec.setTargetEnv("PRD");
    spec.setDryRun(true);
    PromotionRollback r = new PromotionRollback();
    r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    r.setSpec(spec);
    client.resource(r).create();
  }
}
