package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gitops.promotion.testing.SilentServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Git remote that accepts the connection and never answers fails the command within the
 * configured read limit, with a message naming the remote (without its credentials) and the limit.
 */
class ConnectionTimeoutsIT {
  /** Far below any default, far above the limits the runs are given. */
  private static final Duration BOUND = Duration.ofSeconds(30);

  @AutoClose private final SilentServer server = new SilentServer();
  @TempDir Path dir;

  @Test
  void aRemoteThatNeverAnswersFailsWithinTheReadTimeoutOfTheFlag() {
    String url = server.url("argocd.git").replace("http://", "http://user:SECRETPASS@");

    CliRun promote =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                CliRun.of(
                    "promote",
                    "--repo",
                    url,
                    "--group",
                    "tbd-test",
                    "--from",
                    "DEV",
                    "--to",
                    "TST",
                    "--git-read-timeout",
                    "1s"));
    CliRun rollback =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                CliRun.of(
                    "rollback",
                    "--repo",
                    url,
                    "--group",
                    "tbd-test",
                    "--env",
                    "TST",
                    "--dry-run=true",
                    "--git-read-timeout",
                    "PT0.5S"));

    assertThat(promote.code()).as(promote.both()).isEqualTo(ExitCodes.FAILURE);
    assertThat(promote.err())
        .contains(server.url("argocd.git"), "no answer within the read timeout of 1s")
        .doesNotContain("SECRETPASS");
    assertThat(rollback.code()).as(rollback.both()).isEqualTo(ExitCodes.FAILURE);
    assertThat(rollback.err())
        .contains(server.url("argocd.git"), "no answer within the read timeout of 500ms");
    assertThat(server.connections()).isPositive();
  }

  @Test
  void theReadTimeoutComesFromTheConfigurationFileWhenNoFlagGivesIt() throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        """
        repositories:
          - {name: argocd, url: https://gitlab.example.com/devops/argocd.git}
        git: {connectTimeout: 5s, readTimeout: 1s}
        """);

    CliRun run =
        assertTimeoutPreemptively(
            BOUND,
            () ->
                CliRun.of(
                    "promote",
                    "--repo",
                    server.url("argocd.git"),
                    "--group",
                    "tbd-test",
                    "--from",
                    "DEV",
                    "--to",
                    "TST",
                    "--config",
                    config.toString(),
                    "--output",
                    "json"));

    assertThat(run.code()).as(run.both()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).contains("no answer within the read timeout of 1s");
  }

  @Test
  void aTimeoutThatIsNotAPositiveDurationIsAUsageError() {
    CliRun run =
        CliRun.of(
            "promote",
            "--repo",
            server.url("argocd.git"),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--git-connect-timeout",
            "0");

    assertThat(run.code()).isEqualTo(ExitCodes.REJECTED);
    assertThat(run.err()).contains("--git-connect-timeout", "'0' is not a positive duration");
    assertThat(server.connections()).isZero();
  }
}
