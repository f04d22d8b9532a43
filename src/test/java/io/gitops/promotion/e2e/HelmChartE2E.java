package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.deploy.DeployTools;
import io.gitops.promotion.deploy.MonitoringMetricNames;
import io.gitops.promotion.operator.OperatorRuntime;
import io.gitops.promotion.testing.GitHttpServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Helm chart installed on the real API server: {@code helm template} (every option that the
 * control plane can hold switched on, ServiceMonitor and PrometheusRule included, with the
 * prometheus-operator CRDs installed) applied with kubectl, then the operator run in this JVM
 * (there is no kubelet to run the pod) exactly as the pod would: with the chart's ServiceAccount
 * token only, the chart's ConfigMap as its configuration, and its Git credentials from a Secret
 * named in the values. One Promotion runs through it; the tests look at what that left.
 */
@ExtendWith(RealControlPlane.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelmChartE2E {
  private static final String RELEASE = "chart-e2e";
  private static final String FULLNAME = RELEASE + "-promotion-operator";
  private static final String SECRET = "chart-e2e-git";
  private static final String GIT_USER = "chart-operator";

  private ControlPlane controlPlane;
  private DeployTools tools;
  private String releaseNamespace;
  private String promotionsNamespace;
  private GitOpsRepository repository;
  private GitHttpServer gitServer;
  private KubernetesClient operatorClient;
  private OperatorRuntime operator;
  private CommandResult applied;

  @BeforeAll
  void installTheChartAndRunAPromotion(ControlPlane sharedControlPlane) throws Exception {
    controlPlane = sharedControlPlane;
    tools = DeployTools.install();
    releaseNamespace = controlPlane.createNamespace("helmRelease");
    promotionsNamespace = controlPlane.createNamespace("helmPromotions");
    Path workDir =
        RealControlPlane.STATE_DIR
            .resolveSibling("runs")
            .resolve(releaseNamespace)
            .toAbsolutePath();

    Path gitRoot = workDir.resolve("git");
    repository = GitOpsRepository.create(gitRoot, "argocd.git", GitOpsRepository.EXAMPLE);
    String password = UUID.randomUUID().toString();
    gitServer = GitHttpServer.start(gitRoot, GIT_USER, password);
    controlPlane
        .kubectl()
        .apply(
            releaseNamespace,
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: %s}
        type: kubernetes.io/basic-auth
        stringData: {username: %s, password: %s}
        """
                .formatted(SECRET, GIT_USER, password))
        .orThrow();

    controlPlane
        .kubectl(
            "apply",
            "--server-side",
            "-f",
            tools.prometheusOperatorCrd("servicemonitors").toString(),
            "-f",
            tools.prometheusOperatorCrd("prometheusrules").toString())
        .orThrow();
    controlPlane
        .kubectl(
            "wait",
            "--for",
            "condition=Established",
            "--timeout=60s",
            "crd/servicemonitors.monitoring.coreos.com",
            "crd/prometheusrules.monitoring.coreos.com")
        .orThrow();

    Path values =
        controlPlane
            .kubectl()
            .write(
                """
        config:
          repositories:
            - name: argocd
              url: %s
              branch: main
              credentialsSecret: %s
            - name: unreachable
              url: http://127.0.0.1:%d/nothing-listens-here.git
          versionServices: {tbd-test: frontend}
          committer: {name: promotion-operator, email: promotion-operator@example.com}
          watchNamespaces: [%s]
        httpPort: %d
        gitCache: {path: %s, sizeLimit: 1Gi}
        leaderElection: {enabled: true, leaseName: %s}
        repositoryLeases: {enabled: false}     # this test runs the single-leader option
        serviceMonitor: {enabled: true}
        prometheusRule: {enabled: true}
        grafanaDashboard: {enabled: true}
        """
                    .formatted(
                        gitServer.url("argocd.git"),
                        SECRET,
                        freePort(),
                        promotionsNamespace,
                        freePort(),
                        workDir.resolve("git-cache"),
                        RELEASE));
    Path manifests =
        controlPlane
            .kubectl()
            .write(tools.template(RELEASE, releaseNamespace, "-f", values.toString()));
    applied = controlPlane.kubectl("apply", "-f", manifests.toString());

    String token = controlPlane.serviceAccountToken(releaseNamespace, FULLNAME);
    operatorClient = controlPlane.clientWithToken(token, releaseNamespace);
    String operatorYaml =
        controlPlane
            .admin()
            .configMaps()
            .inNamespace(releaseNamespace)
            .withName(FULLNAME + "-config")
            .get()
            .getData()
            .get("operator.yaml");
    operator =
        OperatorRuntime.start(
            new ConfigLoader().parse(operatorYaml, "the chart's ConfigMap"),
            operatorClient,
            Clock.systemUTC());

    controlPlane
        .kubectl(
            "apply",
            "-n",
            promotionsNamespace,
            "-f",
            "src/test/resources/e2e/promotion-dev-to-tst.yaml")
        .orThrow();
    // Retried for ever (connection refused is operational): the failed-reconciliation meters exist.
    controlPlane
        .kubectl()
        .apply(
            promotionsNamespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata: {name: unreachable-repository}
        spec: {repository: unreachable, workloadGroup: tbd-test, sourceEnv: DEV, targetEnv: TST, dryRun: false}
        """)
        .orThrow();
  }

  @AfterAll
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
    if (gitServer != null) {
      gitServer.close();
    }
    if (promotionsNamespace != null) {
      controlPlane.deleteRuns(promotionsNamespace);
    }
  }

  @Test
  void theApiServerAcceptsEveryObjectOfTheChart() {
    assertThat(applied.exitCode()).as(applied.describe()).isZero();
    String objects =
        controlPlane
            .kubectl(
                "-n",
                releaseNamespace,
                "get",
                "serviceaccount,configmap,role,rolebinding,deployment,service,poddisruptionbudget,servicemonitor,prometheusrule",
                "-o",
                "name")
            .orThrow()
            .stdout();
    assertThat(objects)
        .contains(
            "serviceaccount/" + FULLNAME,
            "configmap/" + FULLNAME + "-config",
            "configmap/" + FULLNAME + "-dashboard",
            "role.rbac.authorization.k8s.io/" + FULLNAME,
            "rolebinding.rbac.authorization.k8s.io/" + FULLNAME,
            "deployment.apps/" + FULLNAME,
            "service/" + FULLNAME + "-metrics",
            "poddisruptionbudget.policy/" + FULLNAME,
            "servicemonitor.monitoring.coreos.com/" + FULLNAME,
            "prometheusrule.monitoring.coreos.com/" + FULLNAME);
    assertThat(
            controlPlane
                .kubectl(
                    "get",
                    "clusterrole/" + FULLNAME,
                    "clusterrolebinding/" + FULLNAME,
                    "-o",
                    "name")
                .orThrow()
                .stdout())
        .contains("clusterrole.rbac.authorization.k8s.io/" + FULLNAME);
  }

  @Test
  void theOperatorPromotesWithTheChartsServiceAccountAndConfiguration() {
    Promotion promotion =
        await("the chart's operator runs the Promotion")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    controlPlane
                        .admin()
                        .resources(Promotion.class)
                        .inNamespace(promotionsNamespace)
                        .withName("tbd-test-dev-to-tst")
                        .get(),
                p ->
                    p != null
                        && p.getStatus() != null
                        && p.getStatus().getPhase() == Phase.SUCCEEDED);
    assertThat(promotion.getStatus().getCommit()).isEqualTo(repository.head());
    assertThat(
            controlPlane
                .kubectl(
                    "-n",
                    releaseNamespace,
                    "get",
                    "lease",
                    RELEASE,
                    "-o",
                    "jsonpath={.spec.holderIdentity}")
                .orThrow()
                .stdout())
        .as("the Lease the chart's Role allows")
        .isNotBlank();
  }

  @Test
  void theServiceAccountCannotReadOtherSecrets() {
    controlPlane
        .kubectl()
        .apply(
            releaseNamespace,
            """
        apiVersion: v1
        kind: Secret
        metadata: {name: not-for-the-operator}
        stringData: {password: hunter2}
        """)
        .orThrow();
    assertThat(operatorClient.secrets().inNamespace(releaseNamespace).withName(SECRET).get())
        .isNotNull();
    assertThat(
            catchThrowable(
                () ->
                    operatorClient
                        .secrets()
                        .inNamespace(releaseNamespace)
                        .withName("not-for-the-operator")
                        .get()))
        .hasMessageContaining("403");
  }

  @Test
  void theMetricsTheDashboardAndAlertsQueryAreExposed() {
    await("a finished run and a failed reconciliation in the metrics")
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> new OperatorHttp(operator.httpPort()).metrics(),
            m ->
                m.contains("promotion_runs_total{")
                    && m.contains("operator_sdk_reconciliations_failed_total{"));
    Set<String> exposed =
        MonitoringMetricNames.inPrometheusText(new OperatorHttp(operator.httpPort()).metrics());
    Set<String> used = MonitoringMetricNames.usedByDashboardAndAlerts();
    Set<String> fromOperator = MonitoringMetricNames.fromThisOperator(used);
    Set<String> registered = MonitoringMetricNames.registeredByPromotionMetrics();
    for (String name : fromOperator) {
      assertThat(exposed.contains(name) || registered.contains(name))
          .as(
              "%s is used in deploy/monitoring but neither exposed by a running operator %s nor registered by PromotionMetrics %s",
              name, exposed, registered)
          .isTrue();
    }
    assertThat(fromOperator)
        .contains("operator_sdk_reconciliations_failed_total", "promotion_runs_total");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
