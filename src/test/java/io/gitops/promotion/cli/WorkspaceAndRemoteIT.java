package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitHttpServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The workspace and the remote are what the user named: a directory the tool did not make is never
 * touched, a workspace made for one repository is not used for another, a run after a kill
 * recovers, no secret stays on disk, and nothing is written outside the repository.
 */
class WorkspaceAndRemoteIT {
  @TempDir Path dir;
  private GitOpsRepository repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private int promote(Map<String, String> env, String url, String... extra) {
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] args =
        Stream.concat(
                Stream.of(
                    "promote",
                    "--repo",
                    url,
                    "--group",
                    "tbd-test",
                    "--from",
                    "DEV",
                    "--to",
                    "TST",
                    "--dry-run=false"),
                Stream.of(extra))
            .toArray(String[]::new);
    return cli.execute(args);
  }

  @Test
  void aUsersOwnCheckoutGivenAsWorkspaceIsRefusedAndLeftExactlyAsItWas() throws Exception {
    Path checkout = dir.resolve("my-checkout");
    Git.cloneRepository().setURI(repo.fileUrl()).setDirectory(checkout.toFile()).call().close();
    Path work = checkout.resolve("workloads/tbd-test/frontend/overlays/tst/values.yaml");
    Files.writeString(work, "uncommitted work\n");
    String head = repo.head();

    int code = promote(Map.of(), repo.fileUrl(), "--workspace", checkout.toString());

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .contains(
            "rejected (WorkspaceRefused): workspace "
                + checkout
                + " is not used: it is not a workspace of this tool; nothing in it was touched");
    assertThat(Files.readString(work)).isEqualTo("uncommitted work\n");
    assertThat(Files.exists(checkout.resolve("promotion.lock"))).isFalse();
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aWorkspaceMadeForOneRepositoryIsNotUsedForAnother() {
    GitOpsRepository other = GitOpsRepository.create(dir, "other.git", GitOpsRepository.EXAMPLE);
    Path workspace = dir.resolve("ws");
    assertThat(promote(Map.of(), repo.fileUrl(), "--workspace", workspace.toString()))
        .as(err.toString())
        .isZero();
    String otherHead = other.head();

    int code = promote(Map.of(), other.fileUrl(), "--workspace", workspace.toString());

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .contains("it was made for " + repo.fileUrl() + " branch main, not " + other.fileUrl());
    assertThat(other.head()).isEqualTo(otherHead);
  }

  @Test
  void aRunAfterAKilledOneRecoversFromItsStaleGitLocks() throws Exception {
    Path workspace = dir.resolve("ws");
    assertThat(promote(Map.of(), repo.fileUrl(), "--workspace", workspace.toString())).isZero();
    // what kill -9 in the middle of a fetch leaves behind
    Files.createDirectories(workspace.resolve("refs/remotes/origin"));
    Files.writeString(workspace.resolve("refs/remotes/origin/main.lock"), "");
    Files.writeString(workspace.resolve("shallow.lock"), "");
    repo.commitAsSomeoneElse(
        "workloads/payments/api/overlays/dev/values.yaml",
        repo.read("workloads/payments/api/overlays/dev/values.yaml").replace("2.3.1", "2.4.0"),
        "CI: payments 2.4.0");

    CommandLine cli = Main.commandLine(Map.of());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(out));
    int code =
        cli.execute(
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "payments",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--dry-run=false",
            "--workspace",
            workspace.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(repo.read("workloads/payments/api/overlays/tst/values.yaml")).contains("2.4.0");
  }

  @Test
  void aLocalRepositoryWithTheBranchCheckedOutIsRefusedAsGitPushDoes() throws Exception {
    Path nonBare = dir.resolve("non-bare");
    Git.cloneRepository().setURI(repo.fileUrl()).setDirectory(nonBare.toFile()).call().close();

    int code = promote(Map.of(), nonBare.toString());

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .contains(
            "rejected (CheckedOutBranch): refusing to push to "
                + nonBare.toAbsolutePath()
                + ": branch main is checked out");
  }

  @Test
  void aWorkloadsDirectoryOutsideTheRepositoryIsRefused() {
    int code = promote(Map.of(), repo.fileUrl(), "--workloads-dir", "../../..");

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .contains("--workloads-dir '../../..' is not a relative directory of plain names");
  }

  @Test
  void noPasswordOrKeyIsLeftOnDiskAfterARun() throws Exception {
    Path workspace = dir.resolve("ws");
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret-pass-42")) {
      int code =
          promote(
              Map.of("GIT_USERNAME", "deployer", "GIT_PASSWORD", "s3cret-pass-42"),
              server.url("argocd.git"),
              "--workspace",
              workspace.toString());
      assertThat(code).as(err.toString()).isZero();
    }
    try (Stream<Path> files = Files.walk(workspace)) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(
              file ->
                  assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                      .doesNotContain("s3cret-pass-42"));
    }
    assertThat(out.toString() + err).doesNotContain("s3cret-pass-42");
  }
}
