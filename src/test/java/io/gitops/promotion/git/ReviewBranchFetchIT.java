package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GitWorkspace#remoteBranches} and {@link GitWorkspace#fetchBranch}: a one-commit-deep
 * workspace reads another branch's head and diffs it against its parent, as a re-run reads the
 * review branch of an earlier run.
 */
class ReviewBranchFetchIT {
  private static final String BRANCH = "promotion/tst/tbd-test/abcd1234";

  @TempDir Path dir;
  private GitOpsRepository repo;

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private GitWorkspace shallowWorkspace() {
    return GitWorkspace.open(
        new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), dir.resolve("ws"), 1);
  }

  @Test
  void fetchesAnotherBranchsHeadWithItsParentIntoAShallowWorkspace() {
    repo.commitAsSomeoneElse("workloads/a.txt", "one\n", "one");
    String reviewed = repo.commitOnBranch(BRANCH, "workloads/a.txt", "two\n", "two");
    repo.commitAsSomeoneElse("workloads/b.txt", "main moved\n", "main moves on");

    try (GitWorkspace workspace = shallowWorkspace()) {
      workspace.sync();
      long roundTrips = workspace.transfers().roundTrips();

      assertThat(workspace.remoteBranches("promotion/tst/"))
          .containsExactly(entry(BRANCH, reviewed));
      assertThat(workspace.remoteBranches("promotion/stg/")).isEmpty();
      assertThat(workspace.fetchBranch(BRANCH)).contains(reviewed);

      assertThat(workspace.readAt(reviewed, "workloads/a.txt")).contains("two\n");
      assertThat(workspace.message(reviewed)).startsWith("two");
      assertThat(workspace.diffOf(reviewed, "workloads/", "workloads/none.yaml"))
          .contains("-one", "+two")
          .doesNotContain("main moved");
      assertThat(workspace.transfers().roundTrips()).isGreaterThan(roundTrips);
      assertThat(workspace.sync()).as("the branch followed is still main").isEqualTo(repo.head());
    }
  }

  @Test
  void aBranchTheRemoteDoesNotHaveIsEmpty() {
    try (GitWorkspace workspace = shallowWorkspace()) {
      workspace.sync();

      assertThat(workspace.fetchBranch("promotion/tst/tbd-test/00000000")).isEmpty();
    }
  }
}
