package io.gitops.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The manifests in deploy/examples are accepted by the CRDs: required fields, patterns, lengths and
 * CEL rules; applying the approval patch to the preview is a permitted update.
 */
class ExampleManifestsTest {
  static final Path EXAMPLES = Path.of("deploy", "examples");

  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(Object resource) {
    Map<String, Object> json = Serialization.unmarshal(Serialization.asJson(resource), Map.class);
    return new LinkedHashMap<>((Map<String, Object>) json.get("spec"));
  }

  static JSONSchemaProps specSchema(String crdFile) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("crds", crdFile))) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class)
          .getSpec()
          .getVersions()
          .get(0)
          .getSchema()
          .getOpenAPIV3Schema()
          .getProperties()
          .get("spec");
    }
  }

  /** The OpenAPI checks the API server makes before CEL: required, pattern, maxLength. */
  static List<String> schemaViolations(Map<String, Object> spec, JSONSchemaProps schema) {
    List<String> violations = new ArrayList<>();
    for (String required : schema.getRequired()) {
      if (!spec.containsKey(required)) {
        violations.add(required + " is required");
      }
    }
    spec.forEach(
        (field, value) -> {
          JSONSchemaProps props = schema.getProperties().get(field);
          if (props == null) {
            violations.add(field + " is not in the schema");
          } else if (value instanceof String text) {
            if (props.getPattern() != null && !text.matches(props.getPattern())) {
              violations.add(field + " does not match " + props.getPattern());
            }
            if (props.getMaxLength() != null && text.length() > props.getMaxLength()) {
              violations.add(field + " is longer than " + props.getMaxLength());
            }
          }
        });
    return violations;
  }

  static <T> T read(String file, Class<T> type) throws IOException {
    return Serialization.unmarshal(Files.readString(EXAMPLES.resolve(file)), type);
  }

  @Test
  void promotionExamplesAreAccepted() throws IOException {
    JSONSchemaProps schema = specSchema("promotions.promotion.gitops.io-v1.yml");
    for (String file : List.of("promotion-preview.yaml", "promotion-forced.yaml")) {
      Map<String, Object> spec = spec(read(file, Promotion.class));
      assertThat(schemaViolations(spec, schema)).as(file).isEmpty();
      assertThat(CrdValidationRulesTest.PROMOTION.violations(spec, null)).as(file).isEmpty();
    }
  }

  @Test
  void theApprovalPatchIsAPermittedUpdateOfThePreview() throws IOException {
    Promotion preview = read("promotion-preview.yaml", Promotion.class);
    assertThat(preview.getSpec().isDryRun()).isTrue();
    Map<String, Object> before = spec(preview);
    Map<String, Object> after = new LinkedHashMap<>(before);
    after.putAll(spec(read("promotion-approve.yaml", Map.class)));
    assertThat(after).containsEntry("dryRun", false).hasSameSizeAs(before);
    assertThat(CrdValidationRulesTest.PROMOTION.violations(after, before)).isEmpty();
  }

  @Test
  void rollbackExamplesAreAccepted() throws IOException {
    JSONSchemaProps schema = specSchema("promotionrollbacks.promotion.gitops.io-v1.yml");
    for (String file :
        List.of("rollback.yaml", "rollback-latest.yaml", "rollback-emergency.yaml")) {
      Map<String, Object> spec = spec(read(file, PromotionRollback.class));
      assertThat(schemaViolations(spec, schema)).as(file).isEmpty();
      assertThat(CrdRollbackRulesTest.ROLLBACK.violations(spec, null)).as(file).isEmpty();
    }
  }

  @Test
  void theRollbackReferencesThePreviewedPromotion() throws IOException {
    assertThat(read("rollback.yaml", PromotionRollback.class).getSpec().getPromotionRef().getName())
        .isEqualTo(read("promotion-preview.yaml", Promotion.class).getMetadata().getName());
  }
}
