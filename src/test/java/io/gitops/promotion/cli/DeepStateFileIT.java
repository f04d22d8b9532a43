package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file nested thousands of levels deep is refused naming the file, never a stack overflow.
 */
class DeepStateFileIT {
  private static final String STATE = "workloads/promote-state.yaml";

  @TempDir Path dir;

  @Test
  void promoteAndRollbackRefuseAStateFileNestedThreeThousandLevelsDeep() {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    repo.commitAsSomeoneElse(
        STATE,
        "environments:\n  PRD:\n    other: {pre_state: "
            + "[".repeat(3000)
            + "]".repeat(3000)
            + "}\n",
        "Someone commits a hostile state file");
    String head = repo.head();

    CliRun promote =
        CliRun.of(
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--dry-run=false");
    CliRun rollback =
        CliRun.of("rollback", "--repo", repo.fileUrl(), "--group", "tbd-test", "--env", "TST");

    for (CliRun run : new CliRun[] {promote, rollback}) {
      assertThat(run.code()).as(run.both()).isEqualTo(ExitCodes.REJECTED);
      assertThat(run.err())
          .contains("InvalidStateFile", STATE, "nested more than 64 levels deep")
          .doesNotContain("StackOverflowError")
          .doesNotContain("\tat ");
    }
    assertThat(repo.head()).isEqualTo(head);
  }
}
