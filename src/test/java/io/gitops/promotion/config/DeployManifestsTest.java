package io.gitops.promotion.config;

import static io.gitops.promotion.config.DeployManifests.DIR;
import static io.gitops.promotion.config.DeployManifests.grants;
import static io.gitops.promotion.config.DeployManifests.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * deploy/ parses as Kubernetes resources, kustomize sees all of it, and RBAC grants exactly what is
 * used.
 */
class DeployManifestsTest {
  static final String NAMESPACE = "promotion-system";
  static final Subject OPERATOR =
      new Subject(null, "ServiceAccount", "promotion-operator", NAMESPACE);

  static OperatorConfig deployedConfig() {
    String yaml = only("configmap.yaml", ConfigMap.class).getData().get("operator.yaml");
    return new ConfigLoader().parse(yaml, "deploy/configmap.yaml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void kustomizationListsEveryManifestAndTheCrds() throws IOException {
    Map<String, Object> kustomization =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(DIR.resolve("kustomization.yaml")));
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> manifests =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
              .toList();
      assertThat((List<String>) kustomization.get("resources"))
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(Stream.of("../crds"), manifests.stream()).toList());
    }
    assertThat(Files.readString(Path.of("crds", "kustomization.yaml")))
        .contains(
            "promotions.promotion.gitops.io-v1.yml",
            "promotionrollbacks.promotion.gitops.io-v1.yml");
  }

  @Test
  void everyManifestParsesAndLivesInTheOperatorNamespace() {
    assertThat(only("namespace.yaml", Namespace.class).getMetadata().getName())
        .isEqualTo(NAMESPACE);
    assertThat(only("serviceaccount.yaml", ServiceAccount.class).getMetadata().getNamespace())
        .isEqualTo(NAMESPACE);
    for (String file : List.of("configmap.yaml", "deployment.yaml", "service.yaml")) {
      assertThat(DeployManifests.read(DIR.resolve(file)))
          .allSatisfy(
              r -> assertThat(r.getMetadata().getNamespace()).as(file).isEqualTo(NAMESPACE));
    }
  }

  @Test
  void clusterRoleGrantsOnlyTheOperatorsResourcesAndEvents() {
    ClusterRole role = only("rbac.yaml", ClusterRole.class);
    assertThat(grants(role.getRules()))
        .isEqualTo(
            Map.of(
                "promotion.gitops.io/promotions", Set.of("get", "list", "watch", "patch", "update"),
                "promotion.gitops.io/promotionrollbacks",
                    Set.of("get", "list", "watch", "patch", "update"),
                "promotion.gitops.io/promotions/status", Set.of("get", "patch", "update"),
                "promotion.gitops.io/promotionrollbacks/status", Set.of("get", "patch", "update"),
                "/events", Set.of("create", "patch")));
  }

  @Test
  void namespacedRoleGrantsTheLeaseAndReadingOnlyTheConfiguredSecrets() {
    Role role = only("rbac.yaml", Role.class);
    assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    List<String> secrets =
        deployedConfig().repositories().stream()
            .flatMap(
                r ->
                    Stream.of(
                            r.credentials().stream(),
                            r.gitlabProject().map(GitLabConfig::tokenSecret).stream(),
                            r.notifications().stream()
                                .map(NotificationConfig::secretName)
                                .filter(java.util.Objects::nonNull))
                        .flatMap(s -> s))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    secrets.add(deployedConfig().webhook().secretName());
    java.util.Collections.sort(secrets);
    assertThat(secrets).isNotEmpty();
    assertThat(grants(role.getRules()))
        .isEqualTo(
            Map.of(
                "coordination.k8s.io/leases",
                Set.of("get", "list", "create", "update", "patch", "delete"),
                "/secrets" + secrets,
                Set.of("get")));
  }

  @Test
  void bindingsGiveBothRolesToTheOperatorsServiceAccount() {
    ClusterRoleBinding cluster = only("rbac.yaml", ClusterRoleBinding.class);
    assertThat(cluster.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(cluster.getRoleRef().getName())
        .isEqualTo(only("rbac.yaml", ClusterRole.class).getMetadata().getName());
    assertThat(cluster.getSubjects()).containsExactly(OPERATOR);
    RoleBinding namespaced = only("rbac.yaml", RoleBinding.class);
    assertThat(namespaced.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(namespaced.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(namespaced.getRoleRef().getName())
        .isEqualTo(only("rbac.yaml", Role.class).getMetadata().getName());
    assertThat(namespaced.getSubjects()).containsExactly(OPERATOR);
  }

  @Test
  void theExampleConfigurationForLocalRunsIsValid() {
    OperatorConfig config = new ConfigLoader().load(Path.of("config", "operator.yaml"));
    assertThat(config.repository(null)).map(RepositoryConfig::name).contains("example");
    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(deployedConfig().leaderElection().enabled()).isFalse();
    assertThat(deployedConfig().repositoryLeases().enabled()).isTrue();
  }
}
