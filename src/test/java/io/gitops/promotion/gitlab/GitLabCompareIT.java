package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabCompareIT {

  @AutoClose private final GitLabHarness harness = new GitLabHarness();
  private final FakeGitLabServer server = harness.server;

  @BeforeEach
  void seed() {
    server.addProject(1331, "tbd/tbd-test");
  }

  @Test
  void compareListsTheCommitsBetweenTwoTagsOldestFirst() {
    List<String> shas =
        server.addCommits(
            "1331",
            "v1.3.0",
            "v1.5.0",
            "feat: add user dashboard",
            "fix: resolve login timeout\n\nThe session expired after 5 minutes.",
            "Merge branch 'feature/health' into 'main'",
            "feat: add health check endpoint");

    List<GitLabCommit> commits = harness.gitLab.compare("1331", "v1.3.0", "v1.5.0");

    assertThat(commits)
        .containsExactly(
            new GitLabCommit(
                shas.get(0), "feat: add user dashboard", "feat: add user dashboard", 1),
            new GitLabCommit(
                shas.get(1),
                "fix: resolve login timeout",
                "fix: resolve login timeout\n\nThe session expired after 5 minutes.",
                1),
            new GitLabCommit(
                shas.get(2),
                "Merge branch 'feature/health' into 'main'",
                "Merge branch 'feature/health' into 'main'",
                2),
            new GitLabCommit(
                shas.get(3),
                "feat: add health check endpoint",
                "feat: add health check endpoint",
                1));
    assertThat(commits.get(2).isMerge()).isTrue();
  }

  @Test
  void oneCompareCoversSeveralReleasesInBetween() {
    List<String> first = server.addCommits("1331", "v0.3.1", "v0.4.0", "feat: a");
    List<String> second = server.addCommits("1331", "v0.4.0", "v0.5.0", "fix: b", "feat: c");

    assertThat(harness.gitLab.compare("1331", "v0.3.1", "v0.5.0"))
        .extracting(GitLabCommit::sha)
        .containsExactly(first.get(0), second.get(0), second.get(1));
    assertThat(server.requests("GET", "/projects/1331/repository/compare")).hasSize(1);
  }

  @Test
  void comparingATagWithItselfIsEmpty() {
    server.addCommits("1331", "v1.3.0", "v1.5.0", "feat: a");

    assertThat(harness.gitLab.compare("1331", "v1.5.0", "v1.5.0")).isEmpty();
  }

  @Test
  void comparingFromAMissingTagIsRejectedAsNotFound() {
    server.addCommits("1331", "v1.3.0", "v1.5.0", "feat: a");

    assertThatThrownBy(() -> harness.gitLab.compare("1331", "v1.2.0", "v1.5.0"))
        .isInstanceOfSatisfying(
            GitLabRejectedException.class,
            e -> assertThat(e.refusal()).isEqualTo(GitLabRejectedException.Refusal.NOT_FOUND))
        .hasMessage("GitLab refused compare v1.2.0...v1.5.0 on project 1331: 404 Ref Not Found");
  }
}
