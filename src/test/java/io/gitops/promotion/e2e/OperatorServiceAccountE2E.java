package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitops.promotion.api.Phase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The RBAC of {@code deploy/} is enough for the operator and no more: it runs with only the
 * ServiceAccount's token, holds and renews its Lease, reads its Git credentials Secret, writes
 * status and events, and is refused everything else.
 */
class OperatorServiceAccountE2E {
  private static final String SA = "system:serviceaccount:promotion-system:promotion-operator";

  @RegisterExtension final OperatorFixture cluster = new OperatorFixture();

  @Test
  void theOperatorPromotesWithOnlyTheServiceAccountsToken() {
    Kubectl asOperator = operatorKubectl();
    assertThat(asOperator.run("auth", "whoami").orThrow().stdout()).contains(SA);

    cluster.apply(Path.of("src/test/resources/e2e/promotion-dev-to-tst.yaml")).orThrow();
    assertThat(
            cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.SUCCEEDED).getStatus().getCommit())
        .isEqualTo(cluster.repository().head());
    assertThat(
            cluster
                .kubectl()
                .run(
                    "-n",
                    cluster.namespace(),
                    "get",
                    "events",
                    "-o",
                    "jsonpath={range .items[*]}{.reason}{' '}{end}")
                .orThrow()
                .stdout())
        .contains("Succeeded");
  }

  @Test
  void theOperatorHoldsAndKeepsRenewingItsLease() {
    String holder =
        await("a holder of the Lease")
            .atMost(Duration.ofSeconds(30))
            .until(() -> lease("{.spec.holderIdentity}"), h -> !h.isBlank());
    String renewed = lease("{.spec.renewTime}");
    // fabric8 renews every 2 s with a PATCH; the renew deadline is 10 s.
    await("a renewal of the Lease")
        .atMost(Duration.ofSeconds(15))
        .until(() -> lease("{.spec.renewTime}"), t -> !t.equals(renewed));
    assertThat(lease("{.spec.holderIdentity}")).isEqualTo(holder);
  }

  @Test
  void theOperatorCannotReadSecretsItWasNotGiven() {
    cluster
        .kubectl()
        .run(
            "-n",
            cluster.namespace(),
            "create",
            "secret",
            "generic",
            "team-secret",
            "--from-literal=password=hunter2")
        .orThrow();
    cluster
        .kubectl()
        .run(
            "-n",
            ControlPlane.OPERATOR_NAMESPACE,
            "create",
            "secret",
            "generic",
            "someone-elses-" + cluster.namespace(),
            "--from-literal=password=hunter2")
        .orThrow();
    KubernetesClient operator = cluster.operator().serviceAccountClient();

    assertThat(
            operator
                .secrets()
                .inNamespace(ControlPlane.OPERATOR_NAMESPACE)
                .withName(InProcessOperator.CREDENTIALS_SECRET)
                .get()
                .getData())
        .containsKeys("username", "password");
    assertThat(
            forbidden(
                () ->
                    operator
                        .secrets()
                        .inNamespace(cluster.namespace())
                        .withName("team-secret")
                        .get()))
        .isEqualTo(403);
    assertThat(
            forbidden(
                () ->
                    operator
                        .secrets()
                        .inNamespace(ControlPlane.OPERATOR_NAMESPACE)
                        .withName("someone-elses-" + cluster.namespace())
                        .get()))
        .isEqualTo(403);
    assertThat(
            forbidden(() -> operator.secrets().inNamespace(ControlPlane.OPERATOR_NAMESPACE).list()))
        .isEqualTo(403);
  }

  @Test
  void kubectlAuthCanIAnswersOnlyWhatTheOperatorNeeds() {
    Kubectl asOperator = operatorKubectl();
    String ns = cluster.namespace();
    String system = ControlPlane.OPERATOR_NAMESPACE;

    assertThat(canI(asOperator, "watch", "promotions", "--all-namespaces")).isTrue();
    assertThat(canI(asOperator, "patch", "promotions", "--subresource=status", "-n", ns)).isTrue();
    assertThat(canI(asOperator, "update", "promotionrollbacks", "--subresource=status", "-n", ns))
        .isTrue();
    assertThat(canI(asOperator, "create", "events", "-n", ns)).isTrue();
    assertThat(canI(asOperator, "patch", "leases/promotion-operator", "-n", system)).isTrue();
    assertThat(canI(asOperator, "get", "secrets/argocd-git", "-n", system)).isTrue();

    assertThat(canI(asOperator, "delete", "promotions", "-n", ns)).isFalse();
    assertThat(canI(asOperator, "create", "promotions", "-n", ns)).isFalse();
    assertThat(canI(asOperator, "create", "deployments", "-n", ns)).isFalse();
    assertThat(canI(asOperator, "get", "secrets", "-n", ns)).isFalse();
    assertThat(canI(asOperator, "list", "secrets", "-n", system)).isFalse();
    assertThat(canI(asOperator, "create", "leases", "-n", ns)).isFalse();
    assertThat(canI(asOperator, "update", "customresourcedefinitions")).isFalse();
  }

  private Kubectl operatorKubectl() {
    String token =
        cluster
            .controlPlane()
            .serviceAccountToken(
                ControlPlane.OPERATOR_NAMESPACE, ControlPlane.OPERATOR_SERVICE_ACCOUNT);
    Path kubeconfig =
        cluster
            .controlPlane()
            .writeTokenKubeconfig(
                RealControlPlane.STATE_DIR
                    .resolveSibling("runs")
                    .resolve(cluster.namespace())
                    .resolve("operator.kubeconfig"),
                "promotion-operator",
                token,
                ControlPlane.OPERATOR_NAMESPACE);
    return cluster.kubectl().as(kubeconfig);
  }

  /** {@code kubectl auth can-i}: prints yes/no, exits 0 for yes and 1 for no. */
  private static boolean canI(Kubectl kubectl, String... args) {
    String[] line = new String[args.length + 2];
    line[0] = "auth";
    line[1] = "can-i";
    System.arraycopy(args, 0, line, 2, args.length);
    CommandResult result = kubectl.run(line);
    String answer = result.stdout().trim();
    assertThat(answer).as(result.describe()).isIn("yes", "no");
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(answer.equals("yes") ? 0 : 1);
    return answer.equals("yes");
  }

  private String lease(String jsonPath) {
    return cluster
        .kubectl()
        .run(
            "-n",
            ControlPlane.OPERATOR_NAMESPACE,
            "get",
            "lease",
            InProcessOperator.LEASE,
            "-o",
            "jsonpath=" + jsonPath)
        .orThrow()
        .stdout();
  }

  private static int forbidden(Runnable call) {
    KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class, call::run);
    assertThat(e).as("the call was refused").isNotNull();
    return e.getCode();
  }
}
