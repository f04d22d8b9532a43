package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.Conditions;
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
 * Verification in Argo CD on the real API server, with a minimal Application CRD and the test
 * playing Argo CD by patching the Applications' status: Synced and Healthy at the commit ->
 * Succeeded; Degraded -> Failed, and with rollbackOnFailure a PromotionRollback that lands.
 */
@ExtendWith(RealControlPlane.class)
class VerificationE2E {
  private static final Path APPLICATION_CRD =
      Path.of("src/test/resources/e2e/argocd-application-crd.yaml");
  private static final String ARGOCD = "argocd";
  private static final String VERIFICATION =
      """
      verification:
              namespace: argocd
              applicationName: "{group}-{service}-{env}"
              timeout: 2m
              rollbackOnFailure: true
      """;

  private ControlPlane controlPlane;
  private String namespace;
  private InProcessOperator operator;

  @BeforeEach
  void start(ControlPlane controlPlane, TestInfo test) throws Exception {
    this.controlPlane = controlPlane;
    kubectl("apply", "-f", APPLICATION_CRD.toString()).orThrow();
    kubectl(
            "wait",
            "--for",
            "condition=Established",
            "--timeout=60s",
            "crd/applications.argoproj.io")
        .orThrow();
    if (!kubectl("get", "namespace", ARGOCD).succeeded()) {
      kubectl("create", "namespace", ARGOCD).orThrow();
    }
    kubectl("apply", "-k", "deploy/verification").orThrow();
    namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    for (String service : new String[] {"frontend", "backend"}) {
      controlPlane
          .kubectl()
          .apply(
              ARGOCD,
              "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: tbd-test-"
                  + service
                  + "-tst\nspec:\n  project: default\n")
          .orThrow();
    }
    operator =
        InProcessOperator.start(
            controlPlane,
            RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace),
            VERIFICATION);
  }

  @AfterEach
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    kubectl("-n", ARGOCD, "delete", "applications", "--all").orThrow();
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aPromotionIsVerifiedWhenArgoCdShowsItsCommitSyncedAndHealthy() {
    apply("verified");
    Promotion verifying = awaitPromotion("verified", Phase.VERIFYING);
    String commit = verifying.getStatus().getCommit();
    assertThat(verifying.getStatus().getVerification().getDeadline()).isNotBlank();
    assertThat(verifying.getStatus().getVerification().getServices())
        .containsExactlyInAnyOrder("frontend", "backend");

    argoCd("tbd-test-frontend-tst", commit, "Synced", "Healthy");
    assertThat(promotion("verified").getStatus().getPhase())
        .as("one Application is not enough")
        .isEqualTo(Phase.VERIFYING);
    argoCd("tbd-test-backend-tst", commit, "Synced", "Healthy");

    Promotion done = awaitPromotion("verified", Phase.SUCCEEDED);
    assertThat(
            Conditions.find(done.getStatus().getConditions(), Conditions.VERIFIED)
                .orElseThrow()
                .getStatus())
        .isEqualTo("True");
    assertThat(done.getStatus().getVerification().getApplications())
        .extracting(a -> a.getName() + " " + a.getHealth())
        .containsExactlyInAnyOrder("tbd-test-frontend-tst Healthy", "tbd-test-backend-tst Healthy");
  }

  @Test
  void aDegradedApplicationFailsThePromotionAndItsRollbackLands() {
    String before =
        operator.repository().read("workloads/tbd-test/frontend/overlays/tst/values.yaml");
    apply("degraded");
    Promotion verifying = awaitPromotion("degraded", Phase.VERIFYING);

    argoCd("tbd-test-frontend-tst", verifying.getStatus().getCommit(), "Synced", "Degraded");

    Promotion failed = awaitPromotion("degraded", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("VerificationFailed");
    assertThat(failed.getStatus().getMessage())
        .contains(
            "degraded: tbd-test-frontend-tst Synced at ",
            "PromotionRollback degraded-rollback was created");
    PromotionRollback rollback =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    controlPlane
                        .admin()
                        .resources(PromotionRollback.class)
                        .inNamespace(namespace)
                        .withName("degraded-rollback")
                        .get(),
                r ->
                    r != null
                        && r.getStatus() != null
                        && r.getStatus().getPhase() == Phase.SUCCEEDED);
    assertThat(rollback.getMetadata().getOwnerReferences())
        .extracting(o -> o.getName())
        .containsExactly("degraded");
    assertThat(operator.repository().read("workloads/tbd-test/frontend/overlays/tst/values.yaml"))
        .isEqualTo(before);
  }

  private void apply(String name) {
    controlPlane
        .kubectl()
        .apply(
            namespace,
            "apiVersion: promotion.gitops.io/v1alpha1\nkind: Promotion\nmetadata:\n  name: "
                + name
                + "\nspec:\n  workloadGroup: tbd-test\n  sourceEnv: DEV\n  targetEnv: TST\n  dryRun: false\n")
        .orThrow();
  }

  /** What Argo CD would write after syncing. */
  private void argoCd(String application, String revision, String sync, String health) {
    kubectl(
            "-n",
            ARGOCD,
            "patch",
            "application",
            application,
            "--type",
            "merge",
            "-p",
            "{\"status\":{\"sync\":{\"revision\":\""
                + revision
                + "\",\"status\":\""
                + sync
                + "\"},\"health\":{\"status\":\""
                + health
                + "\"}}}")
        .orThrow();
  }

  private Promotion promotion(String name) {
    return controlPlane
        .admin()
        .resources(Promotion.class)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  private Promotion awaitPromotion(String name, Phase phase) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> promotion(name),
            p -> p != null && p.getStatus() != null && p.getStatus().getPhase() == phase);
  }

  private CommandResult kubectl(String... args) {
    return controlPlane.kubectl().run(args);
  }
}
