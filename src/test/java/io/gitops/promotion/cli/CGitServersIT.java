package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.CGitServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI fetches one commit deep into a bare workspace and pushes from it: C Git's own servers
 * ({@code git daemon} and {@code git http-backend}) accept those pushes, a second run reuses the
 * kept shallow workspace, and a rollback lands on top.
 */
class CGitServersIT {
  @TempDir Path dir;

  @Test
  void promotesAndRollsBackThroughGitDaemon() {
    promoteTwiceAndRollBack(CGitServer::daemon);
  }

  @Test
  void promotesAndRollsBackThroughGitHttpBackend() {
    promoteTwiceAndRollBack(CGitServer::httpBackend);
  }

  private void promoteTwiceAndRollBack(Function<Path, CGitServer> serve) {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    int commits = repo.log().size();
    try (CGitServer server = serve.apply(dir)) {
      String url = server.url("argocd.git");
      String workspace = dir.resolve("kept-workspace").toString();

      assertThat(
              run(
                  "promote",
                  "--repo",
                  url,
                  "--group",
                  "tbd-test",
                  "--from",
                  "DEV",
                  "--to",
                  "TST",
                  "--version-service",
                  "frontend",
                  "--dry-run=false",
                  "--workspace",
                  workspace))
          .isEqualTo("0 Promote [DEV] v1.5.0 -> [TST] v1.3.0");
      assertThat(repo.read("workloads/tbd-test/frontend/overlays/tst/values.yaml"))
          .contains("tag: \"1.5.0\"");

      assertThat(
              run(
                  "promote",
                  "--repo",
                  url,
                  "--group",
                  "payments",
                  "--from",
                  "DEV",
                  "--to",
                  "TST",
                  "--dry-run=false",
                  "--workspace",
                  workspace))
          .startsWith("0 Promote [DEV]");
      assertThat(
              run(
                  "rollback",
                  "--repo",
                  url,
                  "--group",
                  "tbd-test",
                  "--env",
                  "TST",
                  "--dry-run=false",
                  "--workspace",
                  workspace))
          .startsWith("0 ");
    }
    assertThat(repo.log()).hasSize(commits + 3);
    assertThat(repo.read("workloads/tbd-test/frontend/overlays/tst/values.yaml"))
        .contains("tag: \"1.3.0\"");
  }

  /** Exit code and first line of the output (stderr when the command failed). */
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    String text = code == 0 ? out.toString() : err + out.toString();
    return code + " " + text.lines().findFirst().orElse("");
  }
}
