package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook notifications from the operator on the real API server: one webhook whose URL is in a
 * Secret hears Previewed, Succeeded and RolledBack; another that always answers 500 is retried and
 * holds up nothing.
 */
@ExtendWith(RealControlPlane.class)
class NotificationsE2E {
  private static final String SECRET = "promotion-webhooks";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ControlPlane controlPlane;
  private String namespace;
  private InProcessOperator operator;
  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final WebhookReceiver down = WebhookReceiver.start().failAlways();

  @BeforeEach
  void start(ControlPlane controlPlane, TestInfo test) throws Exception {
    this.controlPlane = controlPlane;
    namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    // The Secret the configuration names, and (as deploy/rbac.yaml says to) its name in the Role's
    // resourceNames.
    controlPlane
        .kubectl()
        .apply(
            ControlPlane.OPERATOR_NAMESPACE,
            """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
        stringData:
          url: %s
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: promotion-operator-webhooks
        rules:
          - apiGroups: [""]
            resources: [secrets]
            resourceNames: [%s]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: promotion-operator-webhooks
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: promotion-operator-webhooks}
        subjects:
          - {kind: ServiceAccount, name: %s, namespace: %s}
        """
                .formatted(
                    SECRET,
                    receiver.url("/hooks/promotions"),
                    SECRET,
                    ControlPlane.OPERATOR_SERVICE_ACCOUNT,
                    ControlPlane.OPERATOR_NAMESPACE))
        .orThrow();
    operator =
        InProcessOperator.start(
            controlPlane,
            RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace),
            """
        notifications:
              - urlFrom: {secretName: %s, key: url}
                events: [Previewed, Succeeded, RolledBack]
              - url: %s
                format: slack
        """
                .formatted(SECRET, down.url("/down")));
  }

  @AfterEach
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    controlPlane.deleteRuns(namespace);
    receiver.close();
    down.close();
  }

  @Test
  void webhooksHearThePreviewTheSuccessAndTheRollbackAndAFailingOneHoldsUpNothing()
      throws Exception {
    controlPlane
        .kubectl()
        .run("-n", namespace, "apply", "-f", "deploy/examples/promotion-preview.yaml")
        .orThrow();
    awaitPhase("promotion", "tbd-test-dev-to-tst", Phase.PREVIEWED);
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries().size() == 1);

    controlPlane
        .kubectl()
        .run(
            "-n",
            namespace,
            "patch",
            "promotion",
            "tbd-test-dev-to-tst",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":false}}")
        .orThrow();
    awaitPhase("promotion", "tbd-test-dev-to-tst", Phase.SUCCEEDED);
    controlPlane
        .kubectl()
        .run("-n", namespace, "apply", "-f", "deploy/examples/rollback.yaml")
        .orThrow();
    awaitPhase("promotionrollback", "tbd-test-dev-to-tst-rollback", Phase.SUCCEEDED);

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveries().size() == 3);
    List<JsonNode> bodies = receiver.deliveries().stream().map(d -> read(d.body())).toList();
    assertThat(bodies)
        .extracting(b -> b.get("event").asText())
        .containsExactly("Previewed", "Succeeded", "RolledBack");
    JsonNode succeeded = bodies.get(1);
    Promotion promotion =
        controlPlane
            .admin()
            .resources(Promotion.class)
            .inNamespace(namespace)
            .withName("tbd-test-dev-to-tst")
            .get();
    assertThat(succeeded.get("kind").asText()).isEqualTo("Promotion");
    assertThat(succeeded.get("name").asText()).isEqualTo("tbd-test-dev-to-tst");
    assertThat(succeeded.get("namespace").asText()).isEqualTo(namespace);
    assertThat(succeeded.get("repository").asText()).isEqualTo(InProcessOperator.REPOSITORY);
    assertThat(succeeded.get("targetEnv").asText()).isEqualTo("TST");
    assertThat(succeeded.get("commit").asText()).isEqualTo(promotion.getStatus().getCommit());
    assertThat(bodies.get(2).get("kind").asText()).isEqualTo("PromotionRollback");
    assertThat(receiver.deliveries())
        .allSatisfy(d -> assertThat(d.path()).isEqualTo("/hooks/promotions"));

    // the failing webhook (all events: Previewed, Succeeded, RolledBack) gets each more than once:
    // retried
    await().atMost(Duration.ofSeconds(30)).until(() -> down.deliveries().size() > 3);
    assertThat(down.deliveries()).allSatisfy(d -> assertThat(read(d.body()).has("text")).isTrue());
    assertThat(down.deliveries().stream().map(WebhookReceiver.Delivery::body).distinct().count())
        .as("distinct notices")
        .isLessThan(down.deliveries().size());
  }

  private void awaitPhase(String kind, String name, Phase phase) {
    await(kind + " " + name + " " + phase.value())
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                controlPlane
                    .kubectl()
                    .run("-n", namespace, "get", kind, name, "-o", "jsonpath={.status.phase}")
                    .stdout(),
            phase.value()::equals);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
