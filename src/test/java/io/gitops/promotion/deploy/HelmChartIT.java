package io.gitops.promotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.OperatorConfig;
import io.gitops.promotion.e2e.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart as {@code helm} (built from Go modules by hack/tools/install.sh) sees it: it
 * lints, renders with the default and with every value set into objects that kubeconform accepts
 * against the schemas of the end-to-end Kubernetes version, rejects wrong values through
 * values.schema.json, and grants exactly the rules of deploy/rbac.yaml.
 */
class HelmChartIT {
  private static final String FULL_VALUES =
      DeployTools.CHART.resolve("ci/full-values.yaml").toString();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static DeployTools tools;

  @BeforeAll
  static void installTools() {
    tools = DeployTools.install();
  }

  @Test
  void lintsCleanWithDefaultAndFullValues() {
    assertThat(tools.helm("lint", "--strict", DeployTools.CHART.toString()).orThrow().stdout())
        .contains("0 chart(s) failed");
    assertThat(
            tools
                .helm("lint", "--strict", DeployTools.CHART.toString(), "-f", FULL_VALUES)
                .orThrow()
                .stdout())
        .contains("0 chart(s) failed");
  }

  @Test
  void defaultRenderingIsValidForKubernetes(@TempDir Path dir) throws IOException {
    String manifests = tools.template("promotion-operator", "promotion-system");
    assertValid(dir.resolve("default.yaml"), manifests, 9);
    assertThat(kinds(manifests))
        .containsExactlyInAnyOrder(
            "CustomResourceDefinition",
            "CustomResourceDefinition",
            "ServiceAccount",
            "ConfigMap",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment",
            "PodDisruptionBudget");
  }

  @Test
  void fullRenderingIsValidForKubernetesAndPrometheusOperator(@TempDir Path dir)
      throws IOException {
    String manifests = tools.template("promotion-operator", "platform", "-f", FULL_VALUES);
    assertValid(dir.resolve("full.yaml"), manifests, 16);
    assertThat(kinds(manifests)).contains("ServiceMonitor", "PrometheusRule");
  }

  @Test
  void theKustomizeManifestsOfDeployAreValidForKubernetesToo() {
    Path deploy = Path.of("deploy");
    CommandResult result =
        tools.kubeconform(
            Path.of("crds/promotions.promotion.gitops.io-v1.yml"),
            Path.of("crds/promotionrollbacks.promotion.gitops.io-v1.yml"),
            deploy.resolve("namespace.yaml"),
            deploy.resolve("serviceaccount.yaml"),
            deploy.resolve("rbac.yaml"),
            deploy.resolve("configmap.yaml"),
            deploy.resolve("deployment.yaml"),
            deploy.resolve("service.yaml"),
            deploy.resolve("webhook-service.yaml"));
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).as(result.describe()).contains("Invalid: 0, Errors: 0, Skipped: 0");
  }

  @Test
  void kubeconformRejectsAMisspeltField(@TempDir Path dir) throws IOException {
    String manifests =
        tools
            .template("promotion-operator", "promotion-system", "-f", FULL_VALUES)
            .replace("readOnlyRootFilesystem", "readOnlyRootFileSystem")
            .replace("interval: 15s", "intervall: 15s");
    Path file = dir.resolve("misspelt.yaml");
    Files.writeString(file, manifests, StandardCharsets.UTF_8);
    CommandResult result = tools.kubeconform(file);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stdout())
        .contains("'readOnlyRootFileSystem' not allowed", "'intervall' not allowed", "Invalid: 2,");
  }

  @Test
  void theConfigMapIsAConfigurationTheOperatorAccepts() throws IOException {
    for (List<String> values : List.of(List.<String>of(), List.of("-f", FULL_VALUES))) {
      List<JsonNode> objects =
          objects(tools.template("promotion-operator", "platform", values.toArray(String[]::new)));
      String operatorYaml =
          objects.stream()
              .filter(o -> o.at("/data/operator.yaml").isTextual())
              .findFirst()
              .orElseThrow()
              .at("/data/operator.yaml")
              .asText();
      OperatorConfig config = new ConfigLoader().parse(operatorYaml, "chart ConfigMap " + values);
      assertThat(config.leaderElection().leaseNamespace()).isEqualTo("platform");
      assertThat(config.repositoryLeases().enabled())
          .as("repository Leases by default, one leader with full-values")
          .isEqualTo(values.isEmpty());
      assertThat(config.leaderElection().enabled()).isEqualTo(!values.isEmpty());
      assertThat(config.httpPort())
          .isEqualTo(
              only(objects, "Deployment")
                  .at("/spec/template/spec/containers/0/ports/0/containerPort")
                  .asInt());
    }
  }

  @Test
  void theGitLabWebhookGetsItsPortServiceAndPeersOnlyWhenEnabled() throws IOException {
    List<JsonNode> off = objects(tools.template("promotion-operator", "platform"));
    assertThat(only(off, "Deployment").at("/spec/template/spec/containers/0/ports").size())
        .isEqualTo(1);
    assertThat(off.stream().filter(o -> o.get("kind").asText().equals("Service"))).hasSize(1);

    List<JsonNode> on =
        objects(tools.template("promotion-operator", "platform", "-f", FULL_VALUES));
    JsonNode port = only(on, "Deployment").at("/spec/template/spec/containers/0/ports/1");
    assertThat(port.get("name").asText()).isEqualTo("webhook");
    assertThat(port.get("containerPort").asInt()).isEqualTo(9443);
    JsonNode service =
        on.stream()
            .filter(o -> o.at("/metadata/name").asText().equals("promotion-operator-webhook"))
            .findFirst()
            .orElseThrow();
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(443);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("webhook");
    String operatorYaml =
        on.stream()
            .filter(o -> o.at("/data/operator.yaml").isTextual())
            .findFirst()
            .orElseThrow()
            .at("/data/operator.yaml")
            .asText();
    OperatorConfig config = new ConfigLoader().parse(operatorYaml, "chart ConfigMap");
    assertThat(config.webhook().enabled()).isTrue();
    assertThat(config.webhook().port()).isEqualTo(9443);
    assertThat(config.webhook().path()).isEqualTo("/hooks/gitlab");
    assertThat(config.webhook().secretName()).isEqualTo("gitlab-webhook");
    assertThat(config.webhook().peers()).isEqualTo("promotion-operator-webhook-peers.platform.svc");
    JsonNode peers =
        on.stream()
            .filter(o -> o.at("/metadata/name").asText().equals("promotion-operator-webhook-peers"))
            .findFirst()
            .orElseThrow();
    assertThat(peers.at("/spec/clusterIP").asText()).isEqualTo("None");
  }

  @Test
  void thePodRunsNonRootOnAReadOnlyRootWithProbesOnTheHealthPort() throws IOException {
    JsonNode pod =
        only(
                objects(
                    tools.template("promotion-operator", "promotion-system", "-f", FULL_VALUES)),
                "Deployment")
            .at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(9090);
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("http");
    }
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
  }

  @Test
  void twoReplicasShareTheRepositoriesByDefaultWithADisruptionBudgetAndNeverBothElections(
      @TempDir Path dir) throws IOException {
    List<JsonNode> objects = objects(tools.template("promotion-operator", "platform"));
    assertThat(only(objects, "Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(only(objects, "PodDisruptionBudget").at("/spec/maxUnavailable").asInt())
        .isEqualTo(1);

    Path both = dir.resolve("both.yaml");
    Files.writeString(
        both, "leaderElection: {enabled: true, leaseName: x}\n", StandardCharsets.UTF_8);
    CommandResult result =
        tools.helm("template", "x", DeployTools.CHART.toString(), "-f", both.toString());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr())
        .contains("enable either repositoryLeases or leaderElection, not both");
  }

  @Test
  void grantsExactlyTheRulesOfDeployRbac() throws IOException {
    // deploy/ shows the GitLab webhook on; the chart's default leaves it off.
    List<JsonNode> chart =
        objects(
            tools.template(
                "promotion-operator", "promotion-system", "--set", "webhook.enabled=true"));
    List<JsonNode> deploy =
        objects(Files.readString(Path.of("deploy/rbac.yaml"), StandardCharsets.UTF_8));
    for (String kind : List.of("ClusterRole", "Role")) {
      assertThat(only(chart, kind).get("rules"))
          .as(kind)
          .isEqualTo(only(deploy, kind).get("rules"));
    }
  }

  @Test
  void readsOnlyTheSecretsTheConfigurationNames(@TempDir Path dir) throws IOException {
    JsonNode role =
        only(objects(tools.template("promotion-operator", "platform", "-f", FULL_VALUES)), "Role");
    JsonNode secrets =
        StreamSupport.stream(role.get("rules").spliterator(), false)
            .filter(r -> r.get("resources").get(0).asText().equals("secrets"))
            .findFirst()
            .orElseThrow();
    assertThat(secrets.get("resourceNames"))
        .containsExactly(
            YAML.getNodeFactory().textNode("argocd-git"),
            YAML.getNodeFactory().textNode("gitlab-token"),
            YAML.getNodeFactory().textNode("release-webhooks"),
            YAML.getNodeFactory().textNode("platform-git-ssh"),
            YAML.getNodeFactory().textNode("gitlab-webhook"));

    Path values = dir.resolve("no-secrets.yaml");
    Files.writeString(
        values,
        """
        config:
          repositories: [{name: local, url: "file:///srv/gitops.git"}]
        leaderElection: {enabled: false, leaseName: unused}
        repositoryLeases: {enabled: false}
        """,
        StandardCharsets.UTF_8);
    String noSecrets = tools.template("promotion-operator", "platform", "-f", values.toString());
    assertThat(kinds(noSecrets))
        .as("no Role at all: an empty resourceNames would grant every Secret")
        .doesNotContain("Role", "RoleBinding");
  }

  @Test
  void aWrongValueFailsAtInstall() {
    Map<String, String> wrong =
        Map.of(
            "replicas=-1", "replicas",
            "httpPort=70000", "httpPort",
            "config.typo=1", "typo",
            "config.repositories[0].credentialsSecret=Not_A_Secret", "credentialsSecret",
            "config.environments[0].tier=prod", "tier",
            "image.pullPolicy=Sometimes", "pullPolicy",
            "webhook.path=hooks", "path",
            "resources.limits.memory=lots", "memory");
    wrong.forEach(
        (set, field) -> {
          CommandResult result =
              tools.helm("template", "x", DeployTools.CHART.toString(), "--set", set);
          assertThat(result.exitCode()).as("--set %s", set).isNotZero();
          assertThat(result.stderr())
              .as("--set %s", set)
              .contains("values don't meet the specifications of the schema")
              .contains(field);
        });
  }

  private void assertValid(Path file, String manifests, int minimumResources) throws IOException {
    Files.writeString(file, manifests, StandardCharsets.UTF_8);
    CommandResult result = tools.kubeconform(file);
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).as(result.describe()).contains("Invalid: 0, Errors: 0, Skipped: 0");
    int valid = Integer.parseInt(result.stdout().replaceAll("(?s).*Valid: (\\d+),.*", "$1"));
    assertThat(valid).as(result.describe()).isGreaterThanOrEqualTo(minimumResources);
  }

  static List<JsonNode> objects(String multiDocumentYaml) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(multiDocumentYaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.has("kind")) {
          objects.add(doc);
        }
      }
    }
    return objects;
  }

  private static List<String> kinds(String manifests) throws IOException {
    return objects(manifests).stream()
        .map(o -> o.get("kind").asText())
        .collect(Collectors.toList());
  }

  private static JsonNode only(List<JsonNode> objects, String kind) {
    List<JsonNode> matching =
        objects.stream().filter(o -> o.get("kind").asText().equals(kind)).toList();
    assertThat(matching).as("objects of kind %s", kind).hasSize(1);
    return matching.get(0);
  }
}
