package io.gitops.promotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.layout.LayoutSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code layout} key of a repository: the plain kind, the mapping, and what is refused at
 * start.
 */
class LayoutConfigTest {

  private static OperatorConfig load(String layout) {
    return new ConfigLoader()
        .parse(
            "repositories: [{name: argocd, url: https://git.example.com/a.git, layout: "
                + layout
                + "}]\n",
            "test");
  }

  private static List<String> problems(String layout) {
    return ConfigProblemsTest.problems(
        "repositories: [{name: argocd, url: https://git.example.com/a.git, layout: "
            + layout
            + "}]\n");
  }

  @Test
  void thePlainKindStillMeansTheOverlaysLayout() {
    assertThat(load("overlays").repositories().get(0).layout())
        .isEqualTo(LayoutSettings.of("overlays"));
    assertThat(
            new ConfigLoader()
                .parse("repositories: [{name: a, url: u}]\n", "t")
                .repositories()
                .get(0)
                .layout())
        .isEqualTo(LayoutSettings.of("overlays"));
  }

  @Test
  void readsAKustomizeLayoutWithGroupsListed() {
    LayoutSettings layout =
        load("{kind: kustomize, path: 'apps/{service}/overlays/{env}/kustomization.yaml',"
                + " groups: {shop: [web, api]}, newName: true, requireDigest: [PRD], stateFile: apps/promote-state.yaml}")
            .repositories()
            .get(0)
            .layout();

    assertThat(layout)
        .isEqualTo(
            new LayoutSettings(
                "kustomize",
                "apps/{service}/overlays/{env}/kustomization.yaml",
                Map.of("shop", List.of("web", "api")),
                Map.of(),
                "apps/promote-state.yaml",
                true,
                List.of(),
                Set.of("PRD")));
  }

  @Test
  void readsAnArgoCdLayoutWithAClusterPerEnvironment() {
    LayoutSettings layout =
        load("{kind: argocdApplication, path: 'registry/environments/{env}/{cluster}/{service}.yaml',"
                + " groups: {shop: [frontend]}, clusters: {DFT: c0, DEV: c1, TST: c1, STG: c2, PRD: prod-eu}}")
            .repositories()
            .get(0)
            .layout();

    assertThat(layout.clusters()).containsEntry("PRD", "prod-eu").hasSize(5);
  }

  @Test
  void refusesUnknownPlaceholdersPathsLeavingTheRepositoryAndEmptyGroups() {
    assertThat(
            problems(
                "{kind: kustomize, path: 'apps/{service}/{stage}/{env}.yaml', groups: {shop: [web]}}"))
        .containsExactly(
            "repositories[0].layout.path: 'apps/{service}/{stage}/{env}.yaml' has an unknown"
                + " placeholder {stage}; known: {group}, {service}, {env}, {cluster}");
    assertThat(
            problems(
                "{kind: kustomize, path: '../other/{service}/{env}/kustomization.yaml', groups: {shop: [web]}}"))
        .containsExactly(
            "repositories[0].layout.path: '../other/{service}/{env}/kustomization.yaml' escapes the"
                + " repository or is not a path of plain names (segment '..')");
    assertThat(
            problems("{kind: kustomize, path: '/etc/{service}/{env}.yaml', groups: {shop: [web]}}"))
        .containsExactly(
            "repositories[0].layout.path: '/etc/{service}/{env}.yaml' must be a relative path with '/'"
                + " separators inside the repository");
    assertThat(
            problems("{kind: kustomize, path: 'apps/{service}/{env}/k.yaml', groups: {shop: []}}"))
        .containsExactly("repositories[0].layout.groups.shop: group 'shop' lists no services");
  }

  @Test
  void refusesALayoutThatCannotFindTheServicesOfAGroup() {
    assertThat(
            problems("{kind: kustomize, path: 'apps/{service}/overlays/{env}/kustomization.yaml'}"))
        .containsExactly(
            "repositories[0].layout.groups: are required: path has no {group}, so list the services"
                + " of each workload group");
    assertThat(problems("{kind: argocdApplication, path: 'registry/{group}/{env}/{service}.yaml'}"))
        .containsExactly(
            "repositories[0].layout.groups: are required: {service} in path is not a directory found"
                + " from {group} alone, so list the services of each workload group");
    assertThat(problems("kustomize"))
        .containsExactly(
            "repositories[0].layout: layout 'kustomize' needs a path: write layout: {kind: kustomize, path: ...}");
  }

  @Test
  void refusesMissingClustersUnknownEnvironmentsAndKeysOfAnotherKind() {
    assertThat(
            problems(
                "{kind: argocdApplication, path: 'r/{env}/{cluster}/{service}.yaml', groups: {shop: [web]},"
                    + " clusters: {DFT: a, DEV: a, TST: b, STG: c, QA: x}, requireDigest: [PROD], newName: true}"))
        .containsExactlyInAnyOrder(
            "repositories[0].layout.newName: is only used by the kustomize layout",
            "repositories[0].layout.requireDigest: 'PROD' is not an environment; known: DFT, DEV, TST, STG, PRD",
            "repositories[0].layout.clusters: 'QA' is not an environment; known: DFT, DEV, TST, STG, PRD",
            "repositories[0].layout.clusters: environment PRD has no cluster, but path uses {cluster}");
    assertThat(problems("{kind: helmValues, path: 'charts/{group}/{service}/values-{env}.yaml'}"))
        .containsExactly(
            "repositories[0].layout.paths: the helmValues layout needs the YAML paths it copies, e.g. [image.tag]");
  }

  @Test
  void theOverlaysLayoutTakesRequireDigestInTheMappingFormAndNothingOfTheTemplatedKinds() {
    assertThat(
            load("{kind: overlays, requireDigest: [STG, PRD]}")
                .repositories()
                .get(0)
                .layout()
                .requireDigest())
        .containsExactlyInAnyOrder("STG", "PRD");
    assertThat(problems("{kind: overlays, path: 'x/{service}/{env}.yaml'}"))
        .containsExactly(
            "repositories[0].layout.path: is not used by the overlays layout (it uses workloadsDir)");
    assertThat(
            problems("{kind: flat, path: 'x/{service}/{env}.yaml', groups: {g: [a]}, colour: red}"))
        .containsExactlyInAnyOrder(
            "repositories[0].layout.colour: unknown key 'colour'; known keys: clusters, groups, kind, newName, path, paths,"
                + " requireDigest, stateFile",
            "repositories[0].layout.kind: 'flat' is not a layout; known layouts: argocdApplication, helmValues, kustomize, overlays");
  }
}
