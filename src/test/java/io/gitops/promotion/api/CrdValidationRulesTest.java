package io.gitops.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CEL rules of the checked-in Promotion CRD: they type-check against the schema, and accept or
 * reject requests and updates as the API promises. Values are what the API server evaluates, after
 * defaulting (dryRun true, force false).
 */
class CrdValidationRulesTest {
  static final CelRuleChecker PROMOTION =
      checker("promotions.promotion.gitops.io-v1.yml", "Promotion");

  static CelRuleChecker checker(String file, String kind) {
    try (InputStream in = Files.newInputStream(Path.of("crds", file))) {
      CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
      JSONSchemaProps spec =
          crd.getSpec()
              .getVersions()
              .get(0)
              .getSchema()
              .getOpenAPIV3Schema()
              .getProperties()
              .get("spec");
      return new CelRuleChecker(spec, kind + ".spec");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> preview() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("workloadGroup", "tbd-test");
    spec.put("sourceEnv", "DEV");
    spec.put("targetEnv", "TST");
    spec.put("dryRun", true);
    spec.put("force", false);
    return spec;
  }

  static Map<String, Object> with(Map<String, Object> spec, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(spec);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return copy;
  }

  @Test
  void everyRuleTypeChecksAgainstTheSchema() {
    assertThat(PROMOTION.rules()).hasSize(3);
    for (ValidationRule rule : PROMOTION.rules()) {
      assertThat(PROMOTION.typeCheck(rule.getRule())).as(rule.getRule()).isEmpty();
    }
  }

  @Test
  void aMisspelledFieldDoesNotTypeCheck() {
    assertThat(PROMOTION.typeCheck("self.targetEnvironment != ''")).isPresent();
  }

  @Test
  void acceptsAPreviewRequest() {
    assertThat(PROMOTION.violations(preview(), null)).isEmpty();
  }

  @Test
  void rejectsTheSameEnvironmentInAnyCase() {
    assertThat(PROMOTION.violations(with(preview(), "targetEnv", "dev"), null))
        .containsExactly("sourceEnv and targetEnv must differ");
  }

  @Test
  void requiresANonBlankReasonWhenForced() {
    Map<String, Object> forced = with(preview(), "force", true);
    assertThat(PROMOTION.violations(forced, null))
        .containsExactly("reason is required when force is true");
    assertThat(PROMOTION.violations(with(forced, "reason", "  "), null))
        .containsExactly("reason is required when force is true");
    assertThat(PROMOTION.violations(with(forced, "reason", "hotfix INC-42"), null)).isEmpty();
  }

  @Test
  void allowsApprovingAPreview() {
    Map<String, Object> old = with(preview(), "versionService", "frontend");
    assertThat(PROMOTION.violations(with(old, "dryRun", false), old)).isEmpty();
    assertThat(PROMOTION.violations(old, old)).isEmpty();
  }

  @Test
  void rejectsTurningAnExecutionBackIntoAPreview() {
    Map<String, Object> executed = with(preview(), "dryRun", false);
    assertThat(PROMOTION.violations(preview(), executed))
        .containsExactly("spec is immutable except dryRun: true -> false");
  }

  @Test
  void rejectsChangingAddingOrRemovingAnyOtherField() {
    Map<String, Object> old = with(preview(), "repository", "argocd");
    for (Map<String, Object> changed :
        new Map[] {
          with(old, "targetEnv", "STG"),
          with(old, "workloadGroup", "payments"),
          with(old, "repository", null),
          with(old, "repository", "other"),
          with(old, "versionService", "frontend"),
          with(with(old, "force", true), "reason", "why"),
          with(old, "reason", "added later")
        }) {
      assertThat(PROMOTION.violations(changed, old))
          .as("%s", changed)
          .contains("spec is immutable except dryRun: true -> false");
    }
  }
}
