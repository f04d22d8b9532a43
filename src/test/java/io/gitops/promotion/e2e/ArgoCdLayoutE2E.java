package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Argo CD Application layout on the real API server: the operator, configured with {@code
 * layout: {kind: argocdApplication, ...}}, promotes the chart versions ({@code targetRevision}) of
 * the example registry of {@code hack/examples/argocd} from STG to PRD, each environment on its own
 * cluster: previewed first, then approved by setting {@code dryRun: false}, then rolled back.
 */
@ExtendWith(RealControlPlane.class)
class ArgoCdLayoutE2E {
  private static final String LAYOUT =
      "layout: {kind: argocdApplication,"
          + " path: 'registry/environments/{env}/{cluster}/{service}.yaml', groups: {shop: [frontend, backend]},"
          + " clusters: {DFT: dev-1, DEV: dev-1, TST: test-1, STG: eu-stg, PRD: eu-prod-1}}";
  private static final String FRONTEND = "registry/environments/prd/eu-prod-1/frontend.yaml";

  private ControlPlane controlPlane;
  private String namespace;
  private InProcessOperator operator;

  @BeforeEach
  void start(ControlPlane controlPlane, TestInfo test) throws Exception {
    this.controlPlane = controlPlane;
    namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    operator =
        InProcessOperator.start(
            controlPlane,
            RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace),
            Path.of("hack/examples/argocd/repository"),
            LAYOUT,
            "");
  }

  @AfterEach
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aPreviewedPromotionOfApplicationTargetRevisionsIsApprovedAndPushed() {
    String head = operator.repository().head();
    String before = operator.repository().read(FRONTEND);
    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: shop-stg-to-prd
        spec:
          workloadGroup: shop
          sourceEnv: STG
          targetEnv: PRD
          versionService: frontend
        """)
        .orThrow();

    Promotion previewed = awaitPhase(Phase.PREVIEWED);
    assertThat(previewed.getStatus().getChanges())
        .containsExactly(
            new ImageTagChange("backend", "backend", "1.1.0", "1.2.0"),
            new ImageTagChange("frontend", "frontend", "1.2.0", "1.3.0"));
    assertThat(previewed.getStatus().getDiff())
        .contains("+++ b/" + FRONTEND, "+    targetRevision: 1.3.0");
    assertThat(previewed.getStatus().getTitle()).isEqualTo("Preview [STG] v1.3.0 -> [PRD] v1.2.0");
    assertThat(operator.repository().head()).isEqualTo(head);

    controlPlane
        .kubectl()
        .run(
            "-n",
            namespace,
            "patch",
            "promotion",
            "shop-stg-to-prd",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":false}}")
        .orThrow();

    Promotion done = awaitPhase(Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit()).isEqualTo(operator.repository().head());
    assertThat(operator.repository().read(FRONTEND))
        .isEqualTo(before.replace("targetRevision: 1.2.0 ", "targetRevision: 1.3.0 "));
    assertThat(operator.repository().read("registry/environments/prd/eu-prod-1/backend.yaml"))
        .contains("targetRevision: \"1.2.0\"", "targetRevision: main");
    assertThat(operator.repository().read("promote-state.yaml"))
        .contains("PRD:", "shop:", "frontend: 1.3.0");

    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: PromotionRollback
        metadata:
          name: undo-shop-stg-to-prd
        spec:
          promotionRef: {name: shop-stg-to-prd}
        """)
        .orThrow();
    PromotionRollback undone =
        await("rollback")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    controlPlane
                        .admin()
                        .resources(PromotionRollback.class)
                        .inNamespace(namespace)
                        .withName("undo-shop-stg-to-prd")
                        .get(),
                r ->
                    r != null
                        && r.getStatus() != null
                        && r.getStatus().getPhase() == Phase.SUCCEEDED);
    assertThat(undone.getStatus().getRestored())
        .containsExactlyInAnyOrder(
            new ImageTagChange("backend", "backend", "1.2.0", "1.1.0"),
            new ImageTagChange("frontend", "frontend", "1.3.0", "1.2.0"));
    assertThat(operator.repository().read(FRONTEND)).isEqualTo(before);
  }

  private Promotion awaitPhase(Phase phase) {
    return await("phase " + phase.value())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                controlPlane
                    .admin()
                    .resources(Promotion.class)
                    .inNamespace(namespace)
                    .withName("shop-stg-to-prd")
                    .get(),
            p -> p != null && p.getStatus() != null && p.getStatus().getPhase() == phase);
  }
}
