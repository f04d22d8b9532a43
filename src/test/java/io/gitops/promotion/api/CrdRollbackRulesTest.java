package io.gitops.promotion.api;

import static io.gitops.promotion.api.CrdValidationRulesTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CEL rules of the checked-in PromotionRollback CRD, evaluated as the API server would. */
class CrdRollbackRulesTest {
  static final CelRuleChecker ROLLBACK =
      CrdValidationRulesTest.checker(
          "promotionrollbacks.promotion.gitops.io-v1.yml", "PromotionRollback");
  static final String ONE_TARGET = "either promotionRef or workloadGroup and targetEnv is required";
  static final String NOT_BOTH =
      "promotionRef cannot be combined with workloadGroup, targetEnv or repository";

  static Map<String, Object> byGroup() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("workloadGroup", "tbd-test");
    spec.put("targetEnv", "TST");
    spec.put("dryRun", false);
    spec.put("force", false);
    spec.put("emergency", false);
    return spec;
  }

  static Map<String, Object> byRef() {
    Map<String, Object> spec = with(with(byGroup(), "workloadGroup", null), "targetEnv", null);
    spec.put("promotionRef", Map.of("name", "tbd-test-dev-to-tst"));
    return spec;
  }

  @Test
  void everyRuleTypeChecksAgainstTheSchema() {
    assertThat(ROLLBACK.rules()).hasSize(5);
    for (ValidationRule rule : ROLLBACK.rules()) {
      assertThat(ROLLBACK.typeCheck(rule.getRule())).as(rule.getRule()).isEmpty();
    }
  }

  @Test
  void acceptsAPromotionReferenceOrAGroupAndEnvironment() {
    assertThat(ROLLBACK.violations(byRef(), null)).isEmpty();
    assertThat(ROLLBACK.violations(byGroup(), null)).isEmpty();
    assertThat(ROLLBACK.violations(with(byGroup(), "repository", "argocd"), null)).isEmpty();
  }

  @Test
  void rejectsAGroupWithoutEnvironmentOrNothingAtAll() {
    assertThat(ROLLBACK.violations(with(byGroup(), "targetEnv", null), null))
        .containsExactly(ONE_TARGET);
    assertThat(ROLLBACK.violations(with(byRef(), "promotionRef", null), null))
        .containsExactly(ONE_TARGET);
  }

  @Test
  void rejectsAReferenceCombinedWithAGroup() {
    assertThat(ROLLBACK.violations(with(byRef(), "workloadGroup", "tbd-test"), null))
        .containsExactly(NOT_BOTH);
    assertThat(ROLLBACK.violations(with(byRef(), "repository", "argocd"), null))
        .containsExactly(NOT_BOTH);
  }

  @Test
  void requiresAReasonWhenForced() {
    assertThat(ROLLBACK.violations(with(byGroup(), "force", true), null))
        .containsExactly("reason is required when force is true");
    assertThat(
            ROLLBACK.violations(
                with(with(byGroup(), "force", true), "reason", "drift is intended"), null))
        .isEmpty();
  }

  @Test
  void requiresAReasonInAnEmergency() {
    assertThat(ROLLBACK.violations(with(byRef(), "emergency", true), null))
        .containsExactly("reason is required when emergency is true");
    assertThat(ROLLBACK.violations(with(with(byRef(), "emergency", true), "reason", "  "), null))
        .containsExactly("reason is required when emergency is true");
    assertThat(
            ROLLBACK.violations(
                with(with(byRef(), "emergency", true), "reason", "checkout down INC-4711"), null))
        .isEmpty();
  }

  @Test
  void rejectsAnyChangeOfTheSpec() {
    assertThat(ROLLBACK.violations(byGroup(), byGroup())).isEmpty();
    assertThat(ROLLBACK.violations(with(byGroup(), "dryRun", true), byGroup()))
        .containsExactly(
            "spec is immutable: a rollback runs once; create a new PromotionRollback instead");
  }
}
