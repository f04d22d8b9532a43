package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRef;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.RollbackStatusResult;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class PromotionRollbackReconcilerIT {
  static KubernetesClient client;

  @TempDir Path dir;
  private GitOpsRepository repo;
  private OperatorHarness harness;
  private Map<String, String> overlaysBefore;

  @BeforeEach
  void promoteFirst() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    overlaysBefore = repo.snapshot("workloads/tbd-test");
    harness = new OperatorHarness(client, repo.fileUrl(), dir.resolve("cache"));
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup("tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName("dev-to-tst").withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
    awaitPhase(Promotion.class, "dev-to-tst", Phase.SUCCEEDED);
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    OperatorHarness.deleteRollbacks(client);
    OperatorHarness.deletePromotions(client);
  }

  private PromotionRollback rollbackManifest(
      String name, Function<PromotionRollbackSpec, PromotionRollbackSpec> spec) {
    PromotionRollback r = new PromotionRollback();
    r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    r.setSpec(spec.apply(new PromotionRollbackSpec()));
    return r;
  }

  private static PromotionRollbackSpec ofPromotion(PromotionRollbackSpec spec) {
    spec.setPromotionRef(new PromotionRef("dev-to-tst"));
    return spec;
  }

  private <T extends HasMetadata> T awaitPhase(Class<T> type, String name, Phase phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              T r = client.resources(type).inNamespace("default").withName(name).get();
              Object status = type.getMethod("getStatus").invoke(r);
              return status != null && ((RunStatus) status).getPhase() == phase;
            });
    return client.resources(type).inNamespace("default").withName(name).get();
  }

  @Test
  void rollsBackThePromotionItNamesToTheBytesBeforeIt() {
    int commits = repo.log().size();
    client.resource(rollbackManifest("undo", PromotionRollbackReconcilerIT::ofPromotion)).create();
    PromotionRollback done = awaitPhase(PromotionRollback.class, "undo", Phase.SUCCEEDED);

    assertThat(done.getStatus().getResult()).isEqualTo(RollbackStatusResult.RESTORED);
    assertThat(done.getStatus().getRestored())
        .containsExactlyInAnyOrder(
            new ImageTagChange("backend", "tbd-test-backend", "1.4.0", "1.2.0"),
            new ImageTagChange("frontend", "tbd-test", "1.5.0", "1.3.0"));
    assertThat(done.getStatus().getConflicts()).isEmpty();
    assertThat(done.getStatus().getCommit()).isEqualTo(repo.head());
    assertThat(repo.log()).hasSize(commits + 1);
    assertThat(repo.log().get(0).getFooterLines("Rollback-Id"))
        .containsExactly(done.getMetadata().getUid());
    assertThat(repo.snapshot("workloads/tbd-test")).isEqualTo(overlaysBefore);
  }

  @Test
  void reapplyingAndRestartingNeverRollsBackTwice() {
    PromotionRollback manifest =
        rollbackManifest("argocd-managed", PromotionRollbackReconcilerIT::ofPromotion);
    client.resource(manifest).create();
    PromotionRollback done = awaitPhase(PromotionRollback.class, "argocd-managed", Phase.SUCCEEDED);
    int commits = repo.log().size();

    // Argo CD applies the same manifest again on every sync: a patch of the spec to the same
    // values.
    PromotionRollbackSpec applied =
        rollbackManifest("argocd-managed", PromotionRollbackReconcilerIT::ofPromotion).getSpec();
    client
        .resources(PromotionRollback.class)
        .inNamespace("default")
        .withName("argocd-managed")
        .edit(
            existing -> {
              existing.setSpec(applied);
              return existing;
            });
    harness.close();
    harness = new OperatorHarness(client, repo.fileUrl(), dir.resolve("cache-after-restart"));
    await().atMost(Duration.ofSeconds(10)).until(harness.operator::isReady);

    PromotionRollback after =
        client
            .resources(PromotionRollback.class)
            .inNamespace("default")
            .withName("argocd-managed")
            .get();
    assertThat(after.getStatus().getCompletedAt()).isEqualTo(done.getStatus().getCompletedAt());
    assertThat(after.getStatus().getCommit()).isEqualTo(done.getStatus().getCommit());
    assertThat(repo.log()).hasSize(commits);
  }

  @Test
  void aSecondRollbackResourceFindsNothingToRollBack() {
    client.resource(rollbackManifest("first", PromotionRollbackReconcilerIT::ofPromotion)).create();
    awaitPhase(PromotionRollback.class, "first", Phase.SUCCEEDED);
    int commits = repo.log().size();
    client
        .resource(
            rollbackManifest(
                "latest",
                spec -> {
                  spec.setWorkloadGroup("tbd-test");
                  spec.setTargetEnv("TST");
                  return spec;
                }))
        .create();
    PromotionRollback second = awaitPhase(PromotionRollback.class, "latest", Phase.SUCCEEDED);
    assertThat(second.getStatus().getResult()).isEqualTo(RollbackStatusResult.NOTHING_TO_ROLL_BACK);
    assertThat(second.getStatus().getCommit()).isNull();
    assertThat(repo.log()).hasSize(commits);
  }

  @Test
  void aHandEditedTagIsAConflictAndLeftAlone() {
    String frontend = "workloads/tbd-test/frontend/overlays/tst/values.yaml";
    repo.commitAsSomeoneElse(
        frontend, repo.read(frontend).replace("1.5.0", "1.5.0-hotfix"), "Hotfix in TST");
    client
        .resource(rollbackManifest("partial", PromotionRollbackReconcilerIT::ofPromotion))
        .create();
    PromotionRollback done = awaitPhase(PromotionRollback.class, "partial", Phase.SUCCEEDED);
    assertThat(done.getStatus().getResult()).isEqualTo(RollbackStatusResult.PARTIALLY_RESTORED);
    assertThat(done.getStatus().getConflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.actual()).isEqualTo("1.5.0-hotfix"));
    assertThat(repo.read(frontend)).contains("1.5.0-hotfix");
  }

  @Test
  void aRollbackOfAMissingPromotionFailsWithAReason() {
    client
        .resource(
            rollbackManifest(
                "orphan",
                spec -> {
                  spec.setPromotionRef(new PromotionRef("no-such-promotion"));
                  return spec;
                }))
        .create();
    PromotionRollback failed = awaitPhase(PromotionRollback.class, "orphan", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("PromotionNotFound");
  }
}
