package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API server itself enforces the CRDs' OpenAPI schema, defaults and CEL rules on {@code kubectl
 * apply} and {@code kubectl patch}: a bad resource never reaches the operator (none runs here).
 */
@ExtendWith(RealControlPlane.class)
class PromotionValidationE2E {
  private ControlPlane controlPlane;
  private String namespace;

  @BeforeEach
  void newNamespace(ControlPlane controlPlane, TestInfo test) {
    this.controlPlane = controlPlane;
    this.namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void deleteWhatWasCreated() {
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aPromotionOntoItsOwnEnvironmentIsRejected() {
    CommandResult result = apply(promotion("same-env", "DEV", "dev", ""));
    assertRejected(result, "sourceEnv and targetEnv must differ");
    assertThat(kubectl("get", "promotion", "same-env").stderr()).contains("NotFound");
  }

  @Test
  void aForcedPromotionWithoutAReasonIsRejected() {
    assertRejected(
        apply(promotion("no-reason", "DEV", "PRD", "  force: true\n")),
        "reason is required when force is true");
    assertRejected(
        apply(promotion("blank-reason", "DEV", "PRD", "  force: true\n  reason: \"   \"\n")),
        "reason is required when force is true");
  }

  @Test
  void theSchemaRejectsMalformedFieldsAndDefaultsDryRunToTrue() {
    assertRejected(apply(promotion("bad-env", "DEV", "../prd", "")), "spec.targetEnv");
    assertRejected(
        apply(
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: no-group
        spec:
          sourceEnv: DEV
          targetEnv: TST
        """),
        "spec.workloadGroup: Required value");

    apply(promotion("defaults", "DEV", "TST", "")).orThrow();
    assertThat(
            kubectl("get", "promotion", "defaults", "-o", "jsonpath={.spec.dryRun} {.spec.force}")
                .orThrow()
                .stdout())
        .isEqualTo("true false");
  }

  @Test
  void onlyApprovingAPreviewMayChangeTheSpec() {
    apply(promotion("preview", "DEV", "TST", "")).orThrow();

    assertRejected(
        kubectl(
            "patch",
            "promotion",
            "preview",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"targetEnv\":\"STG\"}}"),
        "spec is immutable except dryRun: true -> false");
    assertRejected(
        apply(promotion("preview", "TST", "STG", "")),
        "spec is immutable except dryRun: true -> false");
    assertRejected(
        kubectl(
            "patch",
            "promotion",
            "preview",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"force\":true,\"reason\":\"because\"}}"),
        "spec is immutable except dryRun: true -> false");

    kubectl(
            "patch",
            "promotion",
            "preview",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":false}}")
        .orThrow();
    assertRejected(
        kubectl(
            "patch",
            "promotion",
            "preview",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":true}}"),
        "spec is immutable except dryRun: true -> false");
    assertThat(
            kubectl(
                    "get",
                    "promotion",
                    "preview",
                    "-o",
                    "jsonpath={.spec.targetEnv} {.spec.dryRun}")
                .orThrow()
                .stdout())
        .isEqualTo("TST false");
  }

  @Test
  void aRollbackNeedsOneTargetAReasonInAnEmergencyAndCannotChangeOnceCreated() {
    assertRejected(
        apply(
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: PromotionRollback
        metadata:
          name: nothing
        spec:
          dryRun: true
        """),
        "either promotionRef or workloadGroup and targetEnv is required");
    assertRejected(
        apply(
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: PromotionRollback
        metadata:
          name: both
        spec:
          promotionRef: {name: tbd-test-dev-to-tst}
          workloadGroup: tbd-test
          targetEnv: TST
        """),
        "promotionRef cannot be combined with workloadGroup, targetEnv or repository");
    assertRejected(
        apply(
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: PromotionRollback
        metadata:
          name: emergency-without-reason
        spec:
          promotionRef: {name: tbd-test-dev-to-tst}
          emergency: true
        """),
        "reason is required when emergency is true");
    String rollback =
        """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: PromotionRollback
        metadata:
          name: undo
        spec:
          promotionRef: {name: %s}
        """;
    apply(rollback.formatted("tbd-test-dev-to-tst")).orThrow();
    assertRejected(
        apply(rollback.formatted("another-promotion")),
        "spec is immutable: a rollback runs once; create a new PromotionRollback instead");
  }

  private static String promotion(String name, String from, String to, String extraSpec) {
    return """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: %s
        spec:
          workloadGroup: tbd-test
          sourceEnv: %s
          targetEnv: %s
        %s"""
        .formatted(name, from, to, extraSpec);
  }

  private CommandResult apply(String yaml) {
    return controlPlane.kubectl().apply(namespace, yaml);
  }

  private CommandResult kubectl(String... args) {
    String[] line = new String[args.length + 2];
    line[0] = "-n";
    line[1] = namespace;
    System.arraycopy(args, 0, line, 2, args.length);
    return controlPlane.kubectl(line);
  }

  private static void assertRejected(CommandResult result, String message) {
    assertThat(result.exitCode()).as(result.describe()).isNotZero();
    assertThat(result.stderr()).as(result.describe()).contains("is invalid").contains(message);
  }
}
