package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A GitOps repository can hold entries a promotion must never follow: a symbolic link to a file on
 * the host, a submodule, an executable. Each is refused by the CLI with exit 2 and the path,
 * nothing is pushed, and the file on the host is neither read into the commit nor written.
 */
class UnsupportedEntriesIT {
  private static final String BACKEND_TST = "workloads/tbd-test/backend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private Path outside;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createRepository() throws Exception {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    outside = dir.resolve("host-secrets/values.yaml");
    Files.createDirectories(outside.getParent());
    Files.writeString(
        outside,
        "applications:\n  - name: tbd-test-backend\n    image:\n      tag: \"HOST-FILE\"\n");
  }

  private int promote() {
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(
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
        "--workspace",
        dir.resolve("ws").toString());
  }

  private void assertRefusedAndNothingWritten(String head, String... messageParts)
      throws Exception {
    assertThat(promote()).as(out + "\n" + err).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString()).startsWith("rejected (UnsupportedEntry): ").contains(messageParts);
    assertThat(repo.head()).as("nothing pushed").isEqualTo(head);
    assertThat(Files.readString(outside)).as("the host file is untouched").contains("HOST-FILE");
    try (Stream<Path> files = Files.walk(dir.resolve("ws"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no work tree in the workspace")
          .doesNotContain("values.yaml", "workloads");
    }
  }

  @Test
  void refusesATargetOverlayThatIsASymbolicLinkToAHostFile() throws Exception {
    String head =
        repo.commitEntry(
            BACKEND_TST, FileMode.SYMLINK, outside.toString(), "Link TST backend to the host");

    assertRefusedAndNothingWritten(head, BACKEND_TST + " is a symbolic link");
    assertThat(err.toString()).doesNotContain("HOST-FILE");
  }

  @Test
  void refusesASourceOverlayThatIsASymbolicLink() throws Exception {
    String head =
        repo.commitEntry(
            "workloads/tbd-test/backend/overlays/dev/values.yaml",
            FileMode.SYMLINK,
            outside.toString(),
            "Link DEV backend to the host");

    assertRefusedAndNothingWritten(
        head, "workloads/tbd-test/backend/overlays/dev/values.yaml is a symbolic link");
  }

  @Test
  void refusesAServiceDirectoryThatIsASymbolicLink() throws Exception {
    String head =
        repo.commitEntry(
            "workloads/tbd-test/linked",
            FileMode.SYMLINK,
            outside.getParent().toString(),
            "Link a service directory to the host");

    assertRefusedAndNothingWritten(head, "workloads/tbd-test/linked is a symbolic link");
  }

  @Test
  void refusesASubmoduleInTheGroup() throws Exception {
    String head =
        repo.commitEntry("workloads/tbd-test/vendored", FileMode.GITLINK, "", "Add a submodule");

    assertRefusedAndNothingWritten(head, "workloads/tbd-test/vendored is a submodule");
  }

  @Test
  void refusesAnExecutableWhereAnOverlayIsExpected() throws Exception {
    String head =
        repo.commitEntry(BACKEND_TST, FileMode.EXECUTABLE_FILE, repo.read(BACKEND_TST), "chmod +x");

    assertRefusedAndNothingWritten(head, BACKEND_TST + " is an executable file");
  }

  @Test
  void refusesAStateFileThatIsASymbolicLink() throws Exception {
    String head =
        repo.commitEntry(
            "workloads/promote-state.yaml",
            FileMode.SYMLINK,
            outside.toString(),
            "Link the state file to the host");

    assertRefusedAndNothingWritten(head, "workloads/promote-state.yaml is a symbolic link");
  }
}
