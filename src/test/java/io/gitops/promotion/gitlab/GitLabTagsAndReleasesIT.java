package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabTagsAndReleasesIT {

  private static final String PROMOTION_COMMIT = "8f2e6b1c0d9a7e5f4b3c2d1e0f9a8b7c6d5e4f3a";
  private static final String OTHER_COMMIT = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

  @AutoClose private final GitLabHarness harness = new GitLabHarness();
  private final FakeGitLabServer server = harness.server;
  private final GitLab gitLab = harness.gitLab;

  @BeforeEach
  void seed() {
    server.addProject(1234, "devops/argocd");
    server.addBranch("1234", "main", PROMOTION_COMMIT);
    server.addCommit("1234", OTHER_COMMIT, "promote: tbd-test DEV -> TST");
  }

  @Test
  void tagCommitIsTheShaTheTagPointsTo() {
    server.addTag("1234", "v1.5.0", PROMOTION_COMMIT);

    assertThat(gitLab.tagCommit("1234", "v1.5.0")).contains(PROMOTION_COMMIT);
  }

  @Test
  void tagCommitIsEmptyWhenTheTagDoesNotExist() {
    assertThat(gitLab.tagCommit("1234", "v9.9.9")).isEmpty();
  }

  @Test
  void projectPathAndDottedTagNamesAreAddressedEncoded() {
    server.addTag("devops/argocd", "v1.5.0", PROMOTION_COMMIT);

    assertThat(gitLab.tagCommit("devops/argocd", "v1.5.0")).contains(PROMOTION_COMMIT);
    assertThat(server.requestLog())
        .extracting(RecordedRequest::toString)
        .containsExactly("GET /projects/devops/argocd/repository/tags/v1.5.0");
  }

  @Test
  void createTagMakesOneLightweightTagOnTheCommit() {
    gitLab.createTag("1234", "v1.5.0", PROMOTION_COMMIT, null);

    assertThat(server.tags("1234"))
        .singleElement()
        .satisfies(
            tag -> {
              assertThat(tag.name()).isEqualTo("v1.5.0");
              assertThat(tag.sha()).isEqualTo(PROMOTION_COMMIT);
              assertThat(tag.message()).isNull();
            });
  }

  @Test
  void anAnnotatedTagResolvesToItsCommitNotToTheTagObject() {
    gitLab.createTag("1234", "v1.5.0", PROMOTION_COMMIT, "Release v1.5.0");

    assertThat(server.tags("1234")).extracting(FakeTag::message).containsExactly("Release v1.5.0");
    assertThat(gitLab.tagCommit("1234", "v1.5.0")).contains(PROMOTION_COMMIT);
  }

  @Test
  void creatingATagThatAlreadyPointsAtTheCommitSucceedsWithoutASecondTag() {
    server.addTag("1234", "v1.5.0", PROMOTION_COMMIT);

    gitLab.createTag("1234", "v1.5.0", PROMOTION_COMMIT, null);

    assertThat(server.tags("1234"))
        .extracting(FakeTag::name, FakeTag::sha)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v1.5.0", PROMOTION_COMMIT));
  }

  @Test
  void creatingATagThatPointsElsewhereIsRejectedAsAConflict() {
    server.addTag("1234", "v1.5.0", OTHER_COMMIT);

    assertThatThrownBy(() -> gitLab.createTag("1234", "v1.5.0", PROMOTION_COMMIT, null))
        .isInstanceOfSatisfying(
            GitLabRejectedException.class,
            e -> {
              assertThat(e.refusal()).isEqualTo(GitLabRejectedException.Refusal.CONFLICT);
              assertThat(e.operation()).isEqualTo(GitLabOperation.CREATE_TAG);
            })
        .hasMessage(
            "GitLab refused create tag v1.5.0 on project 1234: tag already exists at commit "
                + OTHER_COMMIT
                + ", not at "
                + PROMOTION_COMMIT);
    assertThat(server.tags("1234")).extracting(FakeTag::sha).containsExactly(OTHER_COMMIT);
  }

  @Test
  void creatingATagOnAnUnknownCommitIsRejected() {
    assertThatThrownBy(
            () ->
                gitLab.createTag(
                    "1234", "v1.5.0", "0000000000000000000000000000000000000000", null))
        .isInstanceOf(GitLabRejectedException.class)
        .hasMessage(
            "GitLab refused create tag v1.5.0 on project 1234: "
                + "400 Target 0000000000000000000000000000000000000000 is invalid");
  }

  @Test
  void releaseIsEmptyWithoutAReleaseAndFoundOnceCreated() {
    server.addTag("1234", "v1.5.0", PROMOTION_COMMIT);
    assertThat(gitLab.release("1234", "v1.5.0")).isEmpty();

    ReleaseRef created = gitLab.createRelease("1234", "v1.5.0", "v1.5.0", "Promotion: tbd-test");

    ReleaseRef expected =
        new ReleaseRef("v1.5.0", "v1.5.0", server.url() + "/devops/argocd/-/releases/v1.5.0");
    assertThat(created).isEqualTo(expected);
    assertThat(gitLab.release("1234", "v1.5.0")).contains(expected);
    assertThat(server.releases("1234"))
        .singleElement()
        .satisfies(
            release -> {
              assertThat(release.tagName()).isEqualTo("v1.5.0");
              assertThat(release.name()).isEqualTo("v1.5.0");
              assertThat(release.description()).isEqualTo("Promotion: tbd-test");
            });
  }

  @Test
  void creatingAnExistingReleaseReturnsItWithoutASecondOne() {
    server.addTag("1234", "v1.5.0", PROMOTION_COMMIT);
    gitLab.createRelease("1234", "v1.5.0", "v1.5.0", "first");

    ReleaseRef again = gitLab.createRelease("1234", "v1.5.0", "v1.5.0", "second");

    assertThat(again.tagName()).isEqualTo("v1.5.0");
    assertThat(server.releases("1234"))
        .extracting(FakeRelease::description)
        .containsExactly("first");
  }

  @Test
  void aReleaseOfAMissingTagIsRejected() {
    assertThatThrownBy(() -> gitLab.createRelease("1234", "v1.5.0", "v1.5.0", "notes"))
        .isInstanceOf(GitLabRejectedException.class)
        .hasMessage(
            "GitLab refused create release v1.5.0 on project 1234: 422 Ref is not specified");
    assertThat(server.releases("1234")).isEmpty();
  }
}
