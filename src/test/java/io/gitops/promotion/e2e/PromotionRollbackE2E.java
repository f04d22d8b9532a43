package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.RollbackStatusResult;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A PromotionRollback managed the way Argo CD manages it: applied from a file in Git and applied
 * again on every sync, with metadata touched in between, and an operator restart. It rolls back
 * exactly once.
 */
class PromotionRollbackE2E {
  private static final Path PROMOTION = Path.of("src/test/resources/e2e/promotion-dev-to-tst.yaml");
  private static final Path ROLLBACK = Path.of("deploy/examples/rollback.yaml");
  private static final String NAME = "tbd-test-dev-to-tst-rollback";

  @RegisterExtension final OperatorFixture cluster = new OperatorFixture();

  @Test
  void reapplyingTouchingAndRestartingNeverRollBackTwice() {
    GitOpsRepository repo = cluster.repository();
    Map<String, String> overlaysBefore = repo.snapshot("workloads/tbd-test");
    cluster.apply(PROMOTION).orThrow();
    Promotion promotion = cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.SUCCEEDED);

    assertThat(cluster.apply(ROLLBACK).orThrow().stdout()).contains(NAME + " created");
    PromotionRollback done = cluster.awaitRollback(NAME, Phase.SUCCEEDED);
    int commits = repo.log().size();
    RevCommit rollbackCommit = repo.log().get(0);
    assertThat(done.getStatus().getResult()).isEqualTo(RollbackStatusResult.RESTORED);
    assertThat(done.getStatus().getCommit()).isEqualTo(rollbackCommit.getName());
    assertThat(rollbackCommit.getFooterLines("Rollback-Of"))
        .containsExactly(promotion.getMetadata().getUid());
    assertThat(rollbackCommit.getFooterLines("Rollback-Id"))
        .containsExactly(done.getMetadata().getUid());
    assertThat(done.getStatus().getRestored())
        .containsExactlyInAnyOrder(
            new ImageTagChange("backend", "tbd-test-backend", "1.4.0", "1.2.0"),
            new ImageTagChange("frontend", "tbd-test", "1.5.0", "1.3.0"));
    assertThat(repo.snapshot("workloads/tbd-test")).isEqualTo(overlaysBefore);
    KubectlTable table =
        KubectlTable.parse(
            cluster
                .kubectl()
                .run("-n", cluster.namespace(), "get", "promotionrollbacks")
                .orThrow()
                .stdout());
    assertThat(table.row(NAME))
        .as("group and environment resolved from the named promotion")
        .containsEntry("GROUP", "tbd-test")
        .containsEntry("ENV", "TST")
        .containsEntry("PROMOTION", "tbd-test-dev-to-tst");
    String status = statusJson();

    // Argo CD syncs again: client-side apply of the unchanged file, then server-side apply as its
    // ServerSideApply=true option does, then someone annotates the resource: update events that
    // leave metadata.generation alone, so JOSDK does not even call the reconciler.
    assertThat(cluster.apply(ROLLBACK).orThrow().stdout()).contains(NAME + " unchanged");
    cluster
        .kubectl()
        .run(
            "-n",
            cluster.namespace(),
            "apply",
            "--server-side",
            "--field-manager=argocd-controller",
            "-f",
            ROLLBACK.toString())
        .orThrow();
    cluster
        .kubectl()
        .run(
            "-n",
            cluster.namespace(),
            "annotate",
            "promotionrollback",
            NAME,
            "argocd.argoproj.io/sync-wave=1")
        .orThrow();
    String resourceVersion = cluster.rollback(NAME).getMetadata().getResourceVersion();

    // A new pod: unless it has the old one's identity (HOSTNAME), it waits for the old leader's
    // Lease
    // to expire (JOSDK does not release it); then it reconciles every resource it lists, this one
    // too.
    cluster.operator().restart();
    await("the restarted operator reconciled the rollback")
        .atMost(Duration.ofSeconds(60))
        .until(() -> reconciliations(cluster.operator().httpPort()) >= 1);

    assertThat(repo.log()).hasSize(commits);
    assertThat(repo.head()).isEqualTo(rollbackCommit.getName());
    assertThat(statusJson()).isEqualTo(status);
    assertThat(cluster.rollback(NAME).getMetadata().getResourceVersion())
        .as("nothing written since")
        .isEqualTo(resourceVersion);
    assertThat(cluster.promotion("tbd-test-dev-to-tst").getStatus().getCommit())
        .isEqualTo(promotion.getStatus().getCommit());
  }

  private double reconciliations(int port) {
    return new OperatorHttp(port)
        .sum(
            "operator_sdk_reconciliations_started_total",
            Map.of("kind", "PromotionRollback", "name", NAME, "namespace", cluster.namespace()));
  }

  private String statusJson() {
    return cluster
        .kubectl()
        .run(
            "-n", cluster.namespace(), "get", "promotionrollback", NAME, "-o", "jsonpath={.status}")
        .orThrow()
        .stdout();
  }
}
