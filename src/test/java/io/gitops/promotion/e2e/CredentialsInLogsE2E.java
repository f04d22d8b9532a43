package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A full run on the real API server with every credential the operator handles (the Git password, a
 * wrong one, the GitLab token, its ServiceAccount token): a promotion with its GitLab release, its
 * rollback and a promotion failing on bad Git credentials, logged at DEBUG by every library. No log
 * line carries any of them.
 */
@ExtendWith(RealControlPlane.class)
class CredentialsInLogsE2E {
  private static final String GITLAB_SECRET = "gitlab-token";

  @Test
  void noLogLineOfAFullRunCarriesACredential(ControlPlane controlPlane, TestInfo test)
      throws Exception {
    String namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    Path workDir = RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace);
    String wrongPassword = "wrong-" + UUID.randomUUID();
    Logger root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    try (FakeGitLabServer gitlab = gitlab();
        CapturedLogs logs = CapturedLogs.attach()) {
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
            token: %s
          """
                  .formatted(GITLAB_SECRET, gitlab.token()))
          .orThrow();
      root.setLevel(Level.DEBUG);
      List<String> credentials;
      try (InProcessOperator operator =
          InProcessOperator.start(
              controlPlane,
              workDir,
              """
          gitlab:
                url: %s
                projectId: "1234"
                tokenSecret: %s
          """
                  .formatted(gitlab.url(), GITLAB_SECRET))) {
        gitlab.hostRepository("1234", operator.repository().bareDir());
        credentials =
            List.of(
                operator.gitPassword(),
                basicAuth("promotion-operator", operator.gitPassword()),
                wrongPassword,
                basicAuth("promotion-operator", wrongPassword),
                gitlab.token(),
                operator.serviceAccountToken());

        controlPlane
            .kubectl()
            .run("-n", namespace, "apply", "-f", "src/test/resources/e2e/promotion-dev-to-tst.yaml")
            .orThrow();
        awaitPhase(controlPlane, namespace, "promotion", "tbd-test-dev-to-tst", Phase.SUCCEEDED);
        assertThat(gitlab.releases("1234")).as("the GitLab token was used").isNotEmpty();
        controlPlane
            .kubectl()
            .run("-n", namespace, "apply", "-f", "deploy/examples/rollback.yaml")
            .orThrow();
        awaitPhase(
            controlPlane,
            namespace,
            "promotionrollback",
            "tbd-test-dev-to-tst-rollback",
            Phase.SUCCEEDED);

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
              username: promotion-operator
              password: %s
            """
                    .formatted(InProcessOperator.CREDENTIALS_SECRET, wrongPassword))
            .orThrow();
        controlPlane
            .kubectl()
            .apply(
                namespace,
                """
            apiVersion: promotion.gitops.io/v1alpha1
            kind: Promotion
            metadata:
              name: payments-dev-to-tst
            spec:
              workloadGroup: payments
              sourceEnv: DEV
              targetEnv: TST
              dryRun: false
            """)
            .orThrow();
        String reason =
            awaitPhase(controlPlane, namespace, "promotion", "payments-dev-to-tst", Phase.FAILED);
        assertThat(reason).isEqualTo(RejectionReason.GIT_AUTHENTICATION_FAILED.code());
      } finally {
        root.setLevel(level);
      }

      assertThat(logs.text())
          .as("DEBUG lines of the libraries were captured too")
          .anyMatch(l -> l.contains(" DEBUG "))
          .anyMatch(
              l ->
                  l.contains("name=tbd-test-dev-to-tst")
                      && l.contains("namespace=" + namespace)
                      && l.contains("repository=argocd")
                      && l.contains("phase=Succeeded"));
      for (String credential : credentials) {
        assertThat(logs.text())
            .as("log lines with a credential")
            .noneMatch(l -> l.contains(credential));
        assertThat(logs.json()).noneMatch(l -> l.contains(credential));
      }
      ObjectMapper json = new ObjectMapper();
      for (String line : logs.json()) {
        assertThat(json.readTree(line).get("message")).as(line).isNotNull();
        assertThat(line.strip()).doesNotContain("\n");
      }
    } finally {
      controlPlane.deleteRuns(namespace);
    }
  }

  private static FakeGitLabServer gitlab() {
    FakeGitLabServer gitlab = FakeGitLabServer.start();
    gitlab.addProject(1234, "devops/argocd");
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addCommits(
        "1331", "v1.3.0", "v1.5.0", "feat: add user dashboard", "fix: resolve login timeout");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "feat: add /api/info endpoint");
    return gitlab;
  }

  private static String basicAuth(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Waits for the phase and returns the run's reason. */
  private static String awaitPhase(
      ControlPlane controlPlane, String namespace, String kind, String name, Phase phase) {
    return org.awaitility.Awaitility.await(kind + " " + name + " " + phase.value())
        .atMost(java.time.Duration.ofSeconds(90))
        .pollInterval(java.time.Duration.ofMillis(300))
        .until(
            () ->
                controlPlane
                    .kubectl()
                    .run(
                        "-n",
                        namespace,
                        "get",
                        kind,
                        name,
                        "-o",
                        "jsonpath={.status.phase}/{.status.reason}")
                    .stdout(),
            s -> s.startsWith(phase.value() + "/"))
        .substring(phase.value().length() + 1);
  }
}
