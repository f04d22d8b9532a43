package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagVersionsIT {

  private static final String BASE_COMMIT = "0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796";
  private static final String HOTFIX_COMMIT = "aa11bb22cc33dd44ee55ff6677889900aabbccdd";

  @AutoClose private final GitLabHarness harness = new GitLabHarness();
  private final FakeGitLabServer server = harness.server;

  @BeforeEach
  void seed() {
    server.addProject(1331, "tbd/tbd-test");
    server.addTag("1331", "v0.23.0", BASE_COMMIT);
  }

  @Test
  void aReleasedVersionResolvesToItsOwnTag() {
    assertThat(TagVersions.resolveReleaseCommit(harness.gitLab, "1331", "0.23.0"))
        .contains(new ResolvedTag("v0.23.0", BASE_COMMIT));
  }

  @Test
  void aHotfixBuildWithoutItsOwnTagResolvesThroughTheBaseTag() {
    assertThat(TagVersions.resolveReleaseCommit(harness.gitLab, "1331", "0.23.0.185"))
        .contains(new ResolvedTag("v0.23.0", BASE_COMMIT));
    assertThat(server.requestLog())
        .extracting(RecordedRequest::path)
        .containsExactly(
            "/projects/1331/repository/tags/v0.23.0.185", "/projects/1331/repository/tags/v0.23.0");
  }

  @Test
  void aHotfixBuildWithItsOwnTagResolvesToIt() {
    server.addTag("1331", "v0.23.0.185", HOTFIX_COMMIT);

    assertThat(TagVersions.resolveReleaseCommit(harness.gitLab, "1331", "0.23.0.185"))
        .contains(new ResolvedTag("v0.23.0.185", HOTFIX_COMMIT));
  }

  @Test
  void aVersionWithoutATagResolvesToNothing() {
    assertThat(TagVersions.resolveReleaseCommit(harness.gitLab, "1331", "0.24.0")).isEmpty();
    assertThat(TagVersions.resolveReleaseCommit(harness.gitLab, "1331", "0.24.0.7")).isEmpty();
    assertThat(server.requestLog()).hasSize(3);
  }
}
