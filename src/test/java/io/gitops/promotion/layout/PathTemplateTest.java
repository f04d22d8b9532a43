package io.gitops.promotion.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Path templates: expanded to paths inside the repository, and where a group's services are listed.
 */
class PathTemplateTest {

  @Test
  void expandsPlaceholdersAndKnowsTheLiteralRoot() {
    PathTemplate template =
        new PathTemplate("registry/environments/{env}/{cluster}/{service}.yaml");
    assertThat(template.expand(Map.of("env", "prd", "cluster", "eu-1", "service", "web")))
        .isEqualTo("registry/environments/prd/eu-1/web.yaml");
    assertThat(template.root()).isEqualTo("registry/environments");
    assertThat(new PathTemplate("{group}/{service}/{env}.yaml").root()).isEmpty();
  }

  @Test
  void servicesAreDirectoriesOnlyWhenTheGroupAloneLeadsToThem() {
    assertThat(
            new PathTemplate("charts/{group}/{service}/values-{env}.yaml")
                .servicesDirectory("shop"))
        .contains("charts/shop");
    assertThat(
            new PathTemplate("{group}/{service}/overlays/{env}/kustomization.yaml")
                .servicesDirectory("shop"))
        .contains("shop");
    assertThat(new PathTemplate("registry/{env}/{service}.yaml").servicesDirectory("shop"))
        .isEmpty();
    assertThat(
            new PathTemplate("charts/{group}/svc-{service}/{env}.yaml").servicesDirectory("shop"))
        .isEmpty();
  }

  @Test
  void refusesWhatWouldLeaveTheRepositoryOrNotNameAFilePerServiceAndEnvironment() {
    assertThat(PathTemplate.problems("apps/{service}/overlays/{env}/kustomization.yaml")).isEmpty();
    assertThat(PathTemplate.problems("apps/./{service}/{env}.yaml")).hasSize(1);
    assertThat(PathTemplate.problems("apps//{service}/{env}.yaml")).hasSize(1);
    assertThat(PathTemplate.problems("apps\\{service}\\{env}.yaml")).hasSize(1);
    assertThat(PathTemplate.problems("apps/{service}/values.yaml"))
        .containsExactly(
            "'apps/{service}/values.yaml' has no {env}; each service and environment needs its own file");
    assertThat(PathTemplate.problems("apps/{Service}/{env}.yaml"))
        .contains(
            "'apps/{Service}/{env}.yaml' has an unknown placeholder {Service}; known: {group}, {service}, {env}, {cluster}");
  }
}
