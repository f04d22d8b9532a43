package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Names read from the state file pass the same plain-name rule as names from the command line. */
class StateFileNamesIT {
  @TempDir Path dir;

  @Test
  void aRollbackWhoseStateEntryNamesAPathIsRefusedAndWritesNothing() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    CommandLine promote = Main.commandLine(Map.of());
    promote.setOut(new PrintWriter(new StringWriter()));
    assertThat(
            promote.execute(
                "promote",
                "--repo",
                repo.fileUrl(),
                "--group",
                "tbd-test",
                "--from",
                "DEV",
                "--to",
                "TST",
                "--dry-run=false"))
        .isZero();
    String state = repo.read("workloads/promote-state.yaml");
    assertThat(state).contains("frontend");
    repo.commitAsSomeoneElse(
        "workloads/promote-state.yaml",
        state.replace("frontend", "../../../../tmp/x"),
        "An attacker edits the state file");
    String head = repo.head();
    StringWriter err = new StringWriter();
    CommandLine rollback = Main.commandLine(Map.of());
    rollback.setErr(new PrintWriter(err));
    rollback.setOut(new PrintWriter(new StringWriter()));

    int code =
        rollback.execute(
            "rollback",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--env",
            "TST",
            "--dry-run=false");

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .contains(
            "rejected (InvalidStateFile): the state entry of tbd-test in TST names service"
                + " '../../../../tmp/x', which is not a plain name");
    assertThat(repo.head()).isEqualTo(head);
    assertThat(Files.exists(Path.of("/tmp/x"))).isFalse();
  }
}
