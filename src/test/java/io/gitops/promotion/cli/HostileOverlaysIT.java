package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Overlays an attacker or a broken tool committed: refused with exit 2 naming the file, nothing
 * pushed.
 */
class HostileOverlaysIT {
  private static final String BACKEND_DEV = "workloads/tbd-test/backend/overlays/dev/values.yaml";
  private static final String BACKEND_TST = "workloads/tbd-test/backend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private void assertRefused(String head, String... messageParts) {
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
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
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString())
        .startsWith("rejected (InvalidOverlay): ")
        .contains(messageParts)
        .doesNotContain("\tat ", "Exception");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aTagNoRegistryWouldAcceptIsNotCopied() {
    String head =
        repo.commitAsSomeoneElse(
            BACKEND_DEV,
            repo.read(BACKEND_DEV).replace("tag: \"1.4.0\"", "tag: \"1.4.0 #x\""),
            "A tag with a space");

    assertRefused(head, BACKEND_DEV + ": application tbd-test-backend of service backend: ");
  }

  @Test
  void anOverlayThatIsNotUtf8IsRefusedWithTheByteOffset() {
    byte[] latin1 =
        repo.read(BACKEND_TST).replace("TST", "TSTé").getBytes(StandardCharsets.ISO_8859_1);
    String head = repo.commitEntry(BACKEND_TST, FileMode.REGULAR_FILE, latin1, "Latin-1 overlay");

    assertRefused(head, BACKEND_TST + ": byte offset ");
  }

  @Test
  void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
    String deep =
        "applications:\n  - name: x\n    extra: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
    String head = repo.commitAsSomeoneElse(BACKEND_TST, deep, "Deeply nested overlay");

    assertRefused(head, BACKEND_TST + ": ");
  }
}
