package io.gitops.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code crds/} equal to what the fabric8 CRD generator makes of the API classes. Run with
 * {@code -Dcrds.update=true} to rewrite the checked-in manifests after changing the API.
 */
class CrdManifestsTest {
  static final Path CHECKED_IN = Path.of("crds");
  // The Helm chart's copy (ChartCopiesTest keeps it equal).
  private static final Path HELM_CHART_CRDS = Path.of("deploy/helm/promotion-operator/crds");
  static final List<String> FILES =
      List.of(
          "promotions.promotion.gitops.io-v1.yml", "promotionrollbacks.promotion.gitops.io-v1.yml");
  private static final String UPDATE = "mvn test -Dtest=CrdManifestsTest -Dcrds.update=true";

  @Test
  void checkedInCrdsEqualTheGeneratedOnes(@TempDir Path generated) throws IOException {
    new CRDGenerator()
        .inOutputDir(generated.toFile())
        .forCRDVersions("v1")
        .withMinQuotes(true)
        .withPostProcessor(
            new PrinterColumnOrder(
                Map.of("Promotion", Promotion.class, "PromotionRollback", PromotionRollback.class)))
        .customResourceClasses(Promotion.class, PromotionRollback.class)
        .generate();
    try (Stream<Path> files = Files.list(generated)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactlyInAnyOrderElementsOf(FILES);
    }
    if (Boolean.getBoolean("crds.update")) {
      Files.createDirectories(CHECKED_IN);
      for (String file : FILES) {
        Files.copy(
            generated.resolve(file), CHECKED_IN.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
            generated.resolve(file),
            HELM_CHART_CRDS.resolve(file),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String file : FILES) {
      Path checkedIn = CHECKED_IN.resolve(file);
      assertThat(checkedIn).as("%s is missing; generate it with: %s", checkedIn, UPDATE).exists();
      assertThat(Files.readString(checkedIn, StandardCharsets.UTF_8))
          .as(
              "%s differs from the CRD generated from the API classes; update it with: %s",
              checkedIn, UPDATE)
          .isEqualTo(Files.readString(generated.resolve(file), StandardCharsets.UTF_8));
    }
  }

  @Test
  void preStateAndPostStateAreListsOfServiceAppAndTag() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(
            Files.readString(CHECKED_IN.resolve(FILES.get(0)), StandardCharsets.UTF_8),
            CustomResourceDefinition.class);
    JSONSchemaProps status =
        crd.getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("status");
    for (String field : List.of("preState", "postState")) {
      JSONSchemaProps schema = status.getProperties().get(field);
      assertThat(schema.getType()).as(field).isEqualTo("array");
      assertThat(schema.getItems().getSchema().getProperties())
          .as(field)
          .containsOnlyKeys("service", "app", "tag");
    }
  }
}
