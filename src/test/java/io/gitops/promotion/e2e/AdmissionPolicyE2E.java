package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code deploy/admission}: the API server lets only the configured groups write PRD or force, and
 * anyone preview. Users are impersonated with {@code kubectl --as --as-group}. The shipped binding
 * is applied with one addition, a namespace selector for this test's namespace, so that the other
 * tests (which create PRD Promotions as the admin) are not affected.
 */
@ExtendWith(RealControlPlane.class)
class AdmissionPolicyE2E {
  private static final Path ADMISSION = Path.of("deploy/admission");

  private ControlPlane controlPlane;
  private String namespace;

  @BeforeEach
  void install(ControlPlane controlPlane, TestInfo test) throws IOException {
    this.controlPlane = controlPlane;
    this.namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    kubectl("apply", "-f", ADMISSION.resolve("policy.yaml").toString()).orThrow();
    String binding =
        Files.readString(ADMISSION.resolve("binding.yaml"))
            .replace(
                "  validationActions: [Deny]\n",
                "  validationActions: [Deny]\n  matchResources:\n    namespaceSelector:\n      matchLabels:\n"
                    + "        kubernetes.io/metadata.name: "
                    + namespace
                    + "\n");
    controlPlane.kubectl().apply(ControlPlane.OPERATOR_NAMESPACE, binding).orThrow();
    // Both users may create and patch Promotions here as far as RBAC goes; only the policy tells
    // them apart.
    kubectl(
            "-n",
            namespace,
            "create",
            "role",
            "promoter",
            "--verb=get,list,create,patch,update",
            "--resource=promotions.promotion.gitops.io,promotionrollbacks.promotion.gitops.io")
        .orThrow();
    kubectl(
            "-n",
            namespace,
            "create",
            "rolebinding",
            "promoters",
            "--role=promoter",
            "--group=ci",
            "--group=release-managers")
        .orThrow();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                asCiBot(
                        "create",
                        "--dry-run=server",
                        "-f",
                        controlPlane.kubectl().write(promotion("probe", "PRD", false)).toString())
                    .stderr()
                    .contains("may only preview it"));
  }

  @AfterEach
  void uninstall() {
    kubectl(
            "delete",
            "validatingadmissionpolicybinding",
            "promotion-production-guard",
            "--ignore-not-found")
        .orThrow();
    kubectl(
            "delete",
            "validatingadmissionpolicy",
            "promotion-production-guard",
            "--ignore-not-found")
        .orThrow();
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aCiBotMayPreviewPrdAndWriteTstButNeverWritePrdOrForce() {
    CommandResult prd = asCiBot("create", "-f", file(promotion("bot-prd", "PRD", false)));
    assertThat(prd.succeeded()).isFalse();
    assertThat(prd.stderr())
        .contains(
            "ValidatingAdmissionPolicy",
            "promotion-production-guard",
            "only members of release-managers may write PRD or force a Promotion; ci-bot may only preview it");

    CommandResult forced =
        asCiBot(
            "create",
            "-f",
            file(
                promotion("bot-forced", "TST", false)
                    + "  force: true\n  reason: skip the queue\n"));
    assertThat(forced.stderr()).contains("only members of release-managers");

    asCiBot("create", "-f", file(promotion("bot-tst", "TST", false))).orThrow();
    asCiBot("create", "-f", file(promotion("bot-prd-preview", "PRD", true))).orThrow();
    CommandResult approve =
        asCiBot(
            "patch",
            "promotion",
            "bot-prd-preview",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":false}}");
    assertThat(approve.succeeded()).isFalse();
    assertThat(approve.stderr()).contains("may only preview it");
    assertThat(
            kubectl(
                    "-n",
                    namespace,
                    "get",
                    "promotion",
                    "bot-prd-preview",
                    "-o",
                    "jsonpath={.spec.dryRun}")
                .orThrow()
                .stdout())
        .isEqualTo("true");
  }

  @Test
  void aReleaseManagerMayWritePrdApproveAPreviewAndRollBack() {
    asReleaseManager("create", "-f", file(promotion("rm-prd", "PRD", false))).orThrow();
    asCiBot("create", "-f", file(promotion("bot-prd-preview", "PRD", true))).orThrow();
    asReleaseManager(
            "patch",
            "promotion",
            "bot-prd-preview",
            "--type",
            "merge",
            "-p",
            "{\"spec\":{\"dryRun\":false}}")
        .orThrow();

    String rollback =
        "apiVersion: promotion.gitops.io/v1alpha1\nkind: PromotionRollback\nmetadata:\n  name: %s\n"
            + "spec:\n  promotionRef: {name: rm-prd}\n";
    assertThat(asCiBot("create", "-f", file(rollback.formatted("bot-undo"))).stderr())
        .contains("only members of release-managers may write PRD or force a PromotionRollback");
    asReleaseManager("create", "-f", file(rollback.formatted("rm-undo"))).orThrow();
  }

  private static String promotion(String name, String target, boolean dryRun) {
    return "apiVersion: promotion.gitops.io/v1alpha1\nkind: Promotion\nmetadata:\n  name: "
        + name
        + "\nspec:\n"
        + "  workloadGroup: tbd-test\n  sourceEnv: STG\n  targetEnv: "
        + target
        + "\n  dryRun: "
        + dryRun
        + "\n";
  }

  private String file(String yaml) {
    return controlPlane.kubectl().write(yaml).toString();
  }

  private CommandResult asCiBot(String... args) {
    return as("ci-bot", "ci", args);
  }

  private CommandResult asReleaseManager(String... args) {
    return as("alice", "release-managers", args);
  }

  private CommandResult as(String user, String group, String... args) {
    String[] line = new String[args.length + 4];
    line[0] = "-n";
    line[1] = namespace;
    line[2] = "--as=" + user;
    line[3] = "--as-group=" + group;
    System.arraycopy(args, 0, line, 4, args.length);
    return kubectl(line);
  }

  private CommandResult kubectl(String... args) {
    return controlPlane.kubectl().run(args);
  }
}
