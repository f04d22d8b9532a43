package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The operator's freeze windows and soak times hold the CLI too, read with {@code --config}. */
class GatesCommandIT {
  private static final String ENVIRONMENTS =
      """
      environments:
        - {name: DEV, dir: dev, tier: development}
        - {name: TST, dir: tst, tier: testing}
        - {name: STG, dir: stg, tier: staging}
        - {name: PRD, dir: prd, tier: production}
      """;

  @TempDir Path dir;
  private GitOpsRepository repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private Path config(String gates) throws Exception {
    Path file = dir.resolve("operator.yaml");
    Files.writeString(
        file,
        "repositories:\n  - {name: argocd, url: " + repo.fileUrl() + "}\n" + ENVIRONMENTS + gates);
    return file;
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void aFrozenTargetIsRefusedWithTheWindowAndItsEndUnlessForced() throws Exception {
    Path config =
        config(
            """
        freezeWindows:
          - {name: always, schedule: "* * * * *", duration: 2m, environments: [TST]}
        """);
    String head = repo.head();

    int refused =
        run(
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
            "--config",
            config.toString());

    assertThat(refused).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .startsWith("rejected (Gated): TST is frozen by window 'always'; no opening is scheduled")
        .contains("force with a reason overrides");
    assertThat(repo.head()).isEqualTo(head);
    assertThat(
            run(
                "promote",
                "--repo",
                repo.fileUrl(),
                "--group",
                "tbd-test",
                "--from",
                "DEV",
                "--to",
                "TST",
                "--config",
                config.toString()))
        .as("a preview is never gated")
        .isZero();

    int forced =
        run(
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
            "--force",
            "--reason",
            "hotfix for INC-42",
            "--config",
            config.toString());

    assertThat(forced).as(err.toString()).isZero();
    assertThat(repo.log().get(0).getFooterLines("Forced")).containsExactly("hotfix for INC-42");
  }

  @Test
  void aTagThatHasNotSoakedLongEnoughIsRefusedNamingTheApplication() throws Exception {
    Path config = config("minSoak: {DEV: 24h}\n");
    String head = repo.head();

    int code =
        run(
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
            "--config",
            config.toString(),
            "--workspace",
            dir.resolve("ws").toString());

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .startsWith("rejected (Gated): application ")
        .contains(
            " has been in DEV since ", "less than the 24h soak time; it may be promoted from ");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aRollbackIntoAFrozenEnvironmentIsRefusedToo() throws Exception {
    assertThat(
            run(
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
    Path config =
        config(
            """
        freezeWindows:
          - {name: always, schedule: "* * * * *", duration: 2m, environments: [TST]}
        """);

    int code =
        run(
            "rollback",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--env",
            "TST",
            "--dry-run=false",
            "--config",
            config.toString());

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString()).contains("TST is frozen by window 'always'");
  }
}
