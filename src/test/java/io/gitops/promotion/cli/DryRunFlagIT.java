package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --dry-run} takes true or false only: an empty value (an unset CI variable) pushes nothing.
 */
class DryRunFlagIT {
  @TempDir Path dir;
  private GitOpsRepository repo;

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private CliRun promote(String dryRun) {
    return CliRun.of(
        "promote",
        "--repo",
        repo.fileUrl(),
        "--group",
        "tbd-test",
        "--from",
        "DEV",
        "--to",
        "TST",
        "--version-service",
        "frontend",
        dryRun);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"--dry-run=", "--dry-run= ", "--dry-run=yes", "--dry-run=0", "--dry-run=fasle"})
  void aPromotionWithADryRunOtherThanTrueOrFalseIsRejectedAndPushesNothing(String flag) {
    String head = repo.head();

    CliRun run = promote(flag);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("rejected: Invalid value for option '--dry-run'")
        .contains("--dry-run=true to preview or --dry-run=false to push");
    assertThat(run.out()).isEmpty();
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void anEmptyDryRunIsCalledEmpty() {
    assertThat(promote("--dry-run=").err()).contains("the value is empty (an unset variable?)");
  }

  @Test
  void anEmptyDryRunGivenAsASeparateWordIsRejectedToo() {
    String head = repo.head();

    CliRun run =
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
            "--dry-run",
            "");

    assertThat(run.code()).isEqualTo(2);
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aRollbackWithAnEmptyDryRunIsRejectedAndPushesNothing() {
    assertThat(promote("--dry-run=false").code()).isZero();
    String head = repo.head();

    CliRun run =
        CliRun.of(
            "rollback",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--env",
            "TST",
            "--dry-run=");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("the value is empty");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void acceptsTrueAndFalseInAnyCase() {
    String head = repo.head();
    assertThat(promote("--dry-run=TRUE").code()).isZero();
    assertThat(repo.head()).isEqualTo(head);

    CliRun pushed = promote("--dry-run=False");

    assertThat(pushed.code()).as(pushed.err()).isZero();
    assertThat(repo.head()).isNotEqualTo(head);
  }
}
