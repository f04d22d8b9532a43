package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names read from the repository reach the terminal escaped: an application named with an ANSI
 * sequence cannot recolour, clear or rewrite what the user reads.
 */
class ControlCharacterOutputIT {
  private static final String OVERLAY =
      """
      applications:
        - name: "tbd\\e[2J\\e[31m-test\\rok"
          image:
            repository: harbor.example.com/tbd/frontend
            tag: "%s"
      """;

  @TempDir Path dir;
  private GitOpsRepository repo;

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    repo.commitAsSomeoneElse(
        "workloads/tbd-test/frontend/overlays/dev/values.yaml", OVERLAY.formatted("1.5.0"), "dev");
    repo.commitAsSomeoneElse(
        "workloads/tbd-test/frontend/overlays/tst/values.yaml", OVERLAY.formatted("1.3.0"), "tst");
  }

  private CliRun preview(String output) {
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
        "--output",
        output);
  }

  @Test
  void theTextReportEscapesControlCharactersInApplicationNames() {
    CliRun run = preview("text");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("tbd\\u001B[2J\\u001B[31m-test\\u000Dok")
        .doesNotContain("\u001b")
        .doesNotContain("-test\rok");
  }

  @Test
  void theJsonReportKeepsTheNameExactAndStillPrintsNoRawControlCharacter() throws Exception {
    CliRun run = preview("json");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("\u001b");
    assertThat(new ObjectMapper().readTree(run.out()).get("changes").toString())
        .contains("tbd\\u001B[2J\\u001B[31m-test\\rok");
  }
}
