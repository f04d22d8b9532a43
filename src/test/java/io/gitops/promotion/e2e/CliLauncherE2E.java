package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/promotion-operator}, the fast-start launcher of the packaged jar (no cluster needed):
 * the first promotion makes the class-data archive, the next ones use it, and both promote.
 */
class CliLauncherE2E {
  @TempDir Path dir;

  @Test
  void theFirstRunMakesTheClassDataArchiveAndTheNextUsesIt() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    Path cache = dir.resolve("cache");
    ExternalCommand launcher =
        new ExternalCommand(
            Path.of("."),
            Map.of("PROMOTION_OPERATOR_CACHE", cache.toString()),
            Duration.ofMinutes(2),
            true);

    CommandResult first =
        launcher.run(
            List.of(
                "bin/promotion-operator",
                "promote",
                "--repo",
                repo.fileUrl(),
                "--group",
                "tbd-test",
                "--from",
                "DEV",
                "--to",
                "TST",
                "--dry-run=false"));
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("Result: Promoted");
    try (Stream<Path> archives = Files.list(cache.resolve("cds"))) {
      assertThat(archives.map(p -> p.getFileName().toString()))
          .singleElement()
          .asString()
          .endsWith(".jsa");
    }

    CommandResult second =
        launcher.run(
            List.of(
                "bin/promotion-operator",
                "promote",
                "--repo",
                repo.fileUrl(),
                "--group",
                "payments",
                "--from",
                "DEV",
                "--to",
                "TST",
                "--dry-run=false"));
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.stdout()).contains("Result: Promoted");
    assertThat(second.stderr()).doesNotContain("Unable to use shared archive");
  }
}
