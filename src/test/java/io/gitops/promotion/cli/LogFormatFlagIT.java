package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.logging.LogFormat;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format text|json} on promote, rollback and operator; anything else is a usage error.
 */
class LogFormatFlagIT {
  @TempDir Path dir;

  @AfterEach
  void backToText() {
    LogFormat.TEXT.apply();
  }

  @Test
  void promoteAndRollbackTakeJsonAndKeepTheirReportOnStdout() {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);

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
            "--dry-run=false",
            "--log-format",
            "json");
    CliRun rollback =
        CliRun.of(
            "rollback",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--env",
            "TST",
            "--log-format=JSON");

    assertThat(promote.code()).as(promote.err()).isZero();
    assertThat(promote.out()).contains("Result: Promoted");
    assertThat(rollback.code()).as(rollback.err()).isZero();
  }

  @Test
  void anUnknownFormatIsRejectedBeforeAnythingRuns() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    String head = repo.head();
    Path config =
        Files.writeString(
            dir.resolve("operator.yaml"), "repositories: [{name: a, url: file:///nowhere}]\n");

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
            "--dry-run=false",
            "--log-format",
            "xml");
    CliRun operator =
        CliRun.of("operator", "--config", config.toString(), "--log-format", "logfmt");

    assertThat(promote.code()).isEqualTo(2);
    assertThat(promote.err()).contains("--log-format", "xml", "text", "json");
    assertThat(repo.head()).isEqualTo(head);
    assertThat(operator.code()).isEqualTo(2);
    assertThat(operator.err()).contains("logfmt");
  }
}
