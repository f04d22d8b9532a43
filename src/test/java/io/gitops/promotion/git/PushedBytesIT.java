package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes a push reports are the compressed packs of the commits it offered, counted when they
 * were written: no walk over the pushed objects after the push (it cost 20-60 ms for a 500-service
 * group), and a figure near what went over the wire instead of the uncompressed size of every tree.
 */
class PushedBytesIT {
  private static final PersonIdent OPERATOR = new PersonIdent("operator", "op@example.com");

  @TempDir Path dir;

  @Test
  void aPushReportsThePacksOfItsCommitsCompressed() {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    String first = RandomHex.of(64 * 1024, 1);
    String second = RandomHex.of(32 * 1024, 2);
    try (GitWorkspace workspace =
        GitWorkspace.open(new GitRemote(repo.fileUrl(), "main", null), dir.resolve("cache.git"))) {
      workspace.sync();
      workspace.commit(Map.of("workloads/first.txt", first), "first", OPERATOR);
      workspace.commit(Map.of("workloads/second.txt", second), "second", OPERATOR);
      assertThat(workspace.push()).isEqualTo(PushOutcome.PUSHED);

      long pushed = workspace.transfers().bytesPushed();
      int written = first.length() + second.length();
      // Hex of random bytes deflates to about half; uncompressed it would be more than written.
      assertThat(pushed).isBetween(written / 3L, written * 3L / 4);
    }
  }

  @Test
  void commitsDroppedByAFetchAreNotCountedByTheNextPush() {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    String dropped = RandomHex.of(64 * 1024, 3);
    try (GitWorkspace workspace =
        GitWorkspace.open(new GitRemote(repo.fileUrl(), "main", null), dir.resolve("cache.git"))) {
      workspace.sync();
      workspace.commit(Map.of("workloads/dropped.txt", dropped), "dropped", OPERATOR);
      workspace.sync();
      workspace.commit(Map.of("workloads/small.txt", "small\n"), "small", OPERATOR);
      assertThat(workspace.push()).isEqualTo(PushOutcome.PUSHED);

      assertThat(workspace.transfers().bytesPushed()).isPositive().isLessThan(4 * 1024);
    }
  }
}
