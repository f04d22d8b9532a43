package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.CGitServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached workspace that pushed a commit does not get that commit back with its next fetch: the
 * next fetch brings only what others committed since (the operator fetched every promotion it had
 * pushed again with the next one, 500 blobs and 1,500 trees for a 500-service group).
 */
class FetchAfterPushIT {
  private static final PersonIdent OPERATOR = new PersonIdent("operator", "op@example.com");

  @TempDir Path dir;

  @Test
  void overFileTransport() {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    assertTheNextFetchBringsOnlyTheOthersCommit(repo, repo.fileUrl());
  }

  @Test
  void fromCGitDaemon() {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    try (CGitServer server = CGitServer.daemon(dir)) {
      assertTheNextFetchBringsOnlyTheOthersCommit(repo, server.url("argocd.git"));
    }
  }

  private void assertTheNextFetchBringsOnlyTheOthersCommit(GitOpsRepository repo, String url) {
    String ours = RandomHex.of(64 * 1024, 7);
    try (GitWorkspace workspace =
        GitWorkspace.open(new GitRemote(url, "main", null), dir.resolve("cache.git"))) {
      workspace.sync();
      workspace.commit(Map.of("workloads/ours.txt", ours), "ours", OPERATOR);
      assertThat(workspace.push()).isEqualTo(PushOutcome.PUSHED);

      String theirs = repo.commitAsSomeoneElse("README.md", "a line of someone else's\n", "theirs");
      long before = workspace.transfers().bytesFetched();
      assertThat(workspace.sync()).isEqualTo(theirs);
      long fetched = workspace.transfers().bytesFetched() - before;

      assertThat(fetched).isPositive().isLessThan(ours.length() / 8);
      assertThat(workspace.files().read("workloads/ours.txt")).contains(ours);
    }
  }
}
