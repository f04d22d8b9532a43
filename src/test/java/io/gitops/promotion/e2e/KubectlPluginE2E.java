package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bin/kubectl-promote} found by the real kubectl as a plugin ({@code kubectl promote ...})
 * on the real API server, with the operator running: preview only, decline, promote with {@code
 * --yes}, status, rollback, and wrong usage.
 */
class KubectlPluginE2E {
  @RegisterExtension final OperatorFixture cluster = new OperatorFixture();

  private ExternalCommand shell;

  @BeforeEach
  void plugInPath() {
    Kubectl kubectl = cluster.kubectl();
    String path =
        Path.of("bin").toAbsolutePath()
            + ":"
            + kubectl.binary().toAbsolutePath().getParent()
            + ":"
            + System.getenv("PATH");
    shell =
        new ExternalCommand(
            Path.of("").toAbsolutePath(),
            Map.of("PATH", path, "KUBECONFIG", kubectl.kubeconfig().toString()),
            Duration.ofMinutes(3),
            false);
  }

  @Test
  void previewsThenPromotesWithYesListsAndRollsBack() {
    String before = cluster.repository().head();
    CommandResult preview =
        kubectl(
            "promote",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--name",
            "preview-only",
            "--dry-run");
    assertThat(preview.exitCode()).as(preview.stderr()).isZero();
    assertThat(preview.stdout())
        .contains(
            "promotion.promotion.gitops.io/preview-only created",
            "Preview [DEV]",
            "tbd-test-backend: 1.2.0 -> 1.4.0",
            "+      tag: \"1.4.0\"",
            "Preview only.");
    assertThat(cluster.promotion("preview-only").getStatus().getPhase()).isEqualTo(Phase.PREVIEWED);

    CommandResult declined =
        kubectl("promote", "tbd-test", "--from", "DEV", "--to", "TST", "--name", "declined");
    assertThat(declined.exitCode()).as(declined.stderr()).isZero();
    assertThat(declined.stdout())
        .contains("[y/N]", "Not promoted; promotion/declined stays Previewed.");
    assertThat(cluster.repository().head()).as("nothing pushed").isEqualTo(before);

    CommandResult promoted =
        kubectl(
            "promote", "tbd-test", "--from", "DEV", "--to", "TST", "--name", "promoted", "--yes");
    assertThat(promoted.exitCode()).as(promoted.stderr()).isZero();
    Promotion promotion = cluster.promotion("promoted");
    assertThat(promotion.getStatus().getPhase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(promotion.getStatus().getCommit()).isEqualTo(cluster.repository().head());
    assertThat(promoted.stdout())
        .contains("Phase: Succeeded", "Commit: " + promotion.getStatus().getCommit());
    assertThat(promotion.getMetadata().getAnnotations())
        .containsKey("promotion.gitops.io/requested-by");

    CommandResult status = kubectl("promote", "status");
    assertThat(status.exitCode()).as(status.stderr()).isZero();
    KubectlTable table = KubectlTable.parse(status.stdout());
    assertThat(table.row("promoted")).containsEntry("PHASE", "Succeeded");
    assertThat(table.row("preview-only")).containsEntry("PHASE", "Previewed");

    CommandResult rolledBack =
        kubectl("promote", "rollback", "promoted", "--name", "undo", "--yes");
    assertThat(rolledBack.exitCode()).as(rolledBack.stderr()).isZero();
    PromotionRollback rollback = cluster.rollback("undo");
    assertThat(rollback.getStatus().getPhase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(rolledBack.stdout())
        .contains("tbd-test-backend: 1.4.0 -> 1.2.0", "Phase: Succeeded");
    assertThat(kubectl("promote", "status").stdout())
        .as("promotions, then rollbacks")
        .containsPattern("(?s)NAME .*promoted .*\\n\\nNAME .*undo ");
  }

  @Test
  void wrongUsageExitsTwoAndCreatesNothing() {
    CommandResult missing = kubectl("promote", "tbd-test", "--from", "DEV");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).contains("--from and --to are required");

    CommandResult forced =
        kubectl("promote", "tbd-test", "--from", "DEV", "--to", "PRD", "--force");
    assertThat(forced.exitCode()).isEqualTo(2);
    assertThat(forced.stderr()).contains("--force needs --reason");

    CommandResult rejected =
        kubectl("promote", "tbd-test", "--from", "DEV", "--to", "DEV", "--name", "same-env");
    assertThat(rejected.exitCode()).as("the API server's CEL rules refuse it").isEqualTo(2);
    assertThat(rejected.stderr()).contains("same-env");

    assertThat(
            cluster
                .kubectl()
                .run("-n", cluster.namespace(), "get", "promotions", "-o", "name")
                .orThrow()
                .stdout())
        .isBlank();
  }

  private CommandResult kubectl(String... args) {
    // kubectl takes no flag before a plugin's name: the namespace goes after
    List<String> line = new ArrayList<>(List.of("kubectl"));
    line.addAll(List.of(args));
    line.addAll(List.of("-n", cluster.namespace()));
    return shell.run(line);
  }
}
