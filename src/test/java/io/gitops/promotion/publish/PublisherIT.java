package io.gitops.promotion.publish;

import static io.gitops.promotion.publish.PublishingHarness.GITOPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.gitops.promotion.gitlab.FakeDeployment;
import io.gitops.promotion.gitlab.FakeEnvironment;
import io.gitops.promotion.gitlab.FakeRelease;
import io.gitops.promotion.gitlab.FakeTag;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.GitLabUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitLab steps over real HTTP (gitlab4j against the fake GitLab) after a real push. */
class PublisherIT {

  private static final String BACKEND_DEV = "workloads/tbd-test/backend/overlays/dev/values.yaml";

  /** The specification's example release description, byte for byte. */
  private static final String RELEASE_NOTES =
      """
      Promotion: tbd-test [DEV] v1.5.0 → [TST] v1.3.0

      # Services

      | Service | App | Previous | New |
      |---|---|---|---|
      | frontend | tbd-test | 1.3.0 | 1.5.0 |
      | backend | tbd-test-backend | 1.2.0 | 1.4.0 |

      # Changelog

      ## tbd-test (1.3.0 → 1.5.0)

      **Added**
      - add user dashboard
      - add health check endpoint

      **Fixed**
      - resolve login timeout

      ## tbd-test-backend (1.2.0 → 1.4.0)

      **Added**
      - add /api/info endpoint
      """;

  @TempDir Path dir;
  private PublishingHarness h;
  private List<String> frontendV150;
  private List<String> backendV140;

  @BeforeEach
  void seedSourceProjects() {
    h = new PublishingHarness(dir);
    // two releases of the frontend since TST's 1.3.0: one compare covers both
    h.gitlab.addCommits(
        "1331",
        "v1.3.0",
        "v1.4.0",
        "feat: add user dashboard",
        "Merge branch 'feature/dashboard' into 'main'",
        "fix: resolve login timeout");
    frontendV150 =
        h.gitlab.addCommits(
            "1331",
            "v1.4.0",
            "v1.5.0",
            "docs: describe the dashboard",
            "feat: add health check endpoint",
            "chore(release): 1.5.0");
    backendV140 =
        h.gitlab.addCommits(
            "1332",
            "v1.2.0",
            "v1.4.0",
            "test: cover info endpoint",
            "feat: add /api/info endpoint");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void releasesADevPromotionWithTheSpecificationsChangelogAndRecordsItsDeployments()
      throws IOException {
    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    String commit = promoted.result().commit();

    PublishResult result = h.publisher.publish(promoted.request());

    assertThat(h.gitlab.releases(GITOPS))
        .extracting(FakeRelease::tagName, FakeRelease::name)
        .containsExactly(tuple("v1.5.0", "tbd-test [DEV] v1.5.0 → [TST] v1.3.0"));
    String description = h.gitlab.releases(GITOPS).get(0).description();
    assertThat(description).isEqualTo(RELEASE_NOTES);
    assertThat(description)
        .isEqualTo(
            Files.readString(
                Path.of("src/test/resources/changelog/spec-example/expected.md"),
                StandardCharsets.UTF_8));
    assertThat(h.gitlab.tags(GITOPS))
        .extracting(FakeTag::name, FakeTag::sha, FakeTag::message)
        .containsExactly(tuple("v1.5.0", commit, "Promote tbd-test [DEV] v1.5.0 -> [TST] v1.3.0"));

    assertThat(h.gitlab.deployments(GITOPS))
        .extracting(
            FakeDeployment::environment,
            FakeDeployment::sha,
            FakeDeployment::ref,
            FakeDeployment::tag,
            FakeDeployment::status)
        .containsExactly(tuple("TST", commit, "v1.5.0", true, "success"));
    assertThat(h.gitlab.deployments("1331"))
        .extracting(
            FakeDeployment::environment,
            FakeDeployment::sha,
            FakeDeployment::ref,
            FakeDeployment::tag,
            FakeDeployment::status)
        .containsExactly(tuple("TST", frontendV150.get(2), "v1.5.0", true, "success"));
    assertThat(h.gitlab.deployments("1332"))
        .extracting(
            FakeDeployment::environment,
            FakeDeployment::sha,
            FakeDeployment::ref,
            FakeDeployment::tag,
            FakeDeployment::status)
        .containsExactly(tuple("TST", backendV140.get(1), "v1.4.0", true, "success"));
    assertThat(h.gitlab.deployments("1333")).isEmpty();
    for (String project : List.of(GITOPS, "1331", "1332")) {
      assertThat(h.gitlab.environments(project))
          .extracting(FakeEnvironment::name, FakeEnvironment::tier)
          .containsExactly(tuple("TST", "testing"));
    }

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.CREATED);
    assertThat(result.releaseTag()).isEqualTo("v1.5.0");
    assertThat(result.releaseUrl()).isEqualTo(h.gitlab.url() + "/devops/argocd/-/releases/v1.5.0");
    assertThat(result.tagCreated()).isTrue();
    assertThat(result.releaseCreated()).isTrue();
    assertThat(result.deployments())
        .extracting(
            RecordedDeployment::project,
            RecordedDeployment::environment,
            RecordedDeployment::sha,
            RecordedDeployment::ref)
        .containsExactly(
            tuple(GITOPS, "TST", commit, "v1.5.0"),
            tuple("1331", "TST", frontendV150.get(2), "v1.5.0"),
            tuple("1332", "TST", backendV140.get(1), "v1.4.0"));
    assertThat(result.deployments())
        .extracting(RecordedDeployment::id)
        .containsExactly(
            h.gitlab.deployments(GITOPS).get(0).id(),
            h.gitlab.deployments("1331").get(0).id(),
            h.gitlab.deployments("1332").get(0).id());
    assertThat(result.warnings()).isEmpty();
    assertThat(h.repo.head()).isEqualTo(commit);
  }

  @Test
  void lostResponsesAndASecondRunOfTheSamePromotionCreateNothingTwice() {
    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    h.gitlab.failNextAfterApplying("POST", "/projects/4242/repository/tags", 502, 1);
    h.gitlab.failNextAfterApplying("POST", "/projects/4242/releases", 502, 1);
    h.gitlab.failNextAfterApplying("POST", "/projects/4242/deployments", 502, 1);
    h.gitlab.failNextAfterApplying("POST", "/projects/1331/deployments", 502, 1);

    PublishResult first = h.publisher.publish(promoted.request());
    int posts = h.gitlab.requests("POST", "/").size();
    PublishResult second = h.publisher.publish(promoted.request());

    assertThat(h.gitlab.requests("POST", "/")).hasSize(posts);
    assertThat(h.gitlab.requests("POST", "/projects/4242/repository/tags")).hasSize(2);
    assertThat(h.gitlab.requests("POST", "/projects/4242/releases")).hasSize(2);
    assertThat(h.gitlab.tags(GITOPS)).hasSize(1);
    assertThat(h.gitlab.releases(GITOPS)).hasSize(1);
    for (String project : List.of(GITOPS, "1331", "1332")) {
      assertThat(h.gitlab.deployments(project)).as(project).hasSize(1);
      assertThat(h.gitlab.environments(project)).as(project).hasSize(1);
    }
    assertThat(first.releaseStep().outcome()).isEqualTo(ReleaseOutcome.CREATED);
    assertThat(second.releaseStep().outcome()).isEqualTo(ReleaseOutcome.ALREADY_EXISTED);
    assertThat(second.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.ALREADY_EXISTED);
    assertThat(second.deployments()).isEqualTo(first.deployments());
    assertThat(second.releaseUrl()).isEqualTo(first.releaseUrl());
  }

  @Test
  void anUnavailableGitLabFailsRetryablyWithWhatIsDoneAndTheRetryFinishesTheRest() {
    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    h.gitlab.failNext("POST", "/projects/1332/deployments", 503, 3);

    PublishFailedException failure =
        catchThrowableOfType(
            () -> h.publisher.publish(promoted.request()), PublishFailedException.class);

    assertThat(failure.terminal()).isFalse();
    assertThat(failure.gitLabFailure()).isInstanceOf(GitLabUnavailableException.class);
    assertThat(failure.partialResult().stepsDone()).containsExactly(PublishStep.RELEASE);
    assertThat(failure.partialResult().deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "1331");
    assertThat(h.gitlab.deployments("1332")).isEmpty();

    PublishResult retried = h.publisher.publish(promoted.request());

    assertThat(retried.stepsNotDone()).isEmpty();
    assertThat(retried.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.CREATED);
    assertThat(retried.deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "1331", "1332");
    assertThat(h.gitlab.releases(GITOPS)).hasSize(1);
    for (String project : List.of(GITOPS, "1331", "1332")) {
      assertThat(h.gitlab.deployments(project)).as(project).hasSize(1);
    }
  }

  @Test
  void afterARestartTheResumedPromotionFinishesItsGitLabStepsWithTheSameProjectsAndText() {
    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    h.gitlab.failNext("POST", "/projects/4242/releases", 503, 3);
    catchThrowableOfType(
        () -> h.publisher.publish(promoted.request()), PublishFailedException.class);
    int commits = h.repo.log().size();

    PublishingHarness.Promoted resumed =
        h.rerun("p-1", "DEV", "TST", promoted.request().startedAt());
    PublishResult result = h.publisher.publish(resumed.request());

    assertThat(resumed.result().resumed()).isTrue();
    assertThat(h.repo.log()).hasSize(commits);
    assertThat(resumed.request()).isEqualTo(promoted.request());
    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.CREATED);
    assertThat(result.tagCreated()).isFalse();
    assertThat(h.gitlab.tags(GITOPS)).hasSize(1);
    assertThat(h.gitlab.releases(GITOPS))
        .singleElement()
        .satisfies(release -> assertThat(release.description()).isEqualTo(RELEASE_NOTES));
    assertThat(result.deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "1331", "1332");
  }

  @Test
  void whenTheLeadServiceDidNotChangeTheReleaseTagIsNotMadeTwiceAndTheChangesAreNamed() {
    PublishingHarness.Promoted first = h.promote("p-1", "DEV", "TST");
    h.publisher.publish(first.request());
    h.repo.commitAsSomeoneElse(
        BACKEND_DEV, h.repo.read(BACKEND_DEV).replace("\"1.4.0\"", "\"1.4.1\""), "Backend 1.4.1");
    List<String> backendV141 =
        h.gitlab.addCommits("1332", "v1.4.0", "v1.4.1", "fix: close idle connections");

    PublishingHarness.Promoted second = h.promote("p-2", "DEV", "TST");
    PublishResult result = h.publisher.publish(second.request());

    assertThat(second.result().version()).isEqualTo("1.5.0");
    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.LEFT_WITHOUT_RELEASE);
    assertThat(result.warnings())
        .containsExactly(
            "release v1.5.0 already exists for an earlier promotion: "
                + "backend/tbd-test-backend 1.4.0 -> 1.4.1 has no release of its own");
    assertThat(result.unreleasedChanges()).isEqualTo(1);
    assertThat(result.releaseTag()).isNull();
    assertThat(h.gitlab.tags(GITOPS))
        .extracting(FakeTag::name, FakeTag::sha)
        .containsExactly(tuple("v1.5.0", first.result().commit()));
    assertThat(h.gitlab.releases(GITOPS)).hasSize(1);
    assertThat(h.gitlab.deployments(GITOPS))
        .extracting(FakeDeployment::sha, FakeDeployment::ref, FakeDeployment::tag)
        .containsExactly(
            tuple(first.result().commit(), "v1.5.0", true),
            tuple(second.result().commit(), "main", false));
    assertThat(h.gitlab.deployments("1332"))
        .extracting(FakeDeployment::sha, FakeDeployment::ref)
        .containsExactly(tuple(backendV140.get(1), "v1.4.0"), tuple(backendV141.get(0), "v1.4.1"));
  }

  @Test
  void aPromotionOutOfTstHasNoReleaseButRecordsItsDeployments() {
    String workerV081 = h.gitlab.addCommits("1333", "v0.8.0", "v0.8.1", "fix: retry jobs").get(0);

    PublishingHarness.Promoted promoted = h.promote("p-1", "TST", "STG");
    PublishResult result = h.publisher.publish(promoted.request());

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.SKIPPED);
    assertThat(h.gitlab.tags(GITOPS)).isEmpty();
    assertThat(h.gitlab.releases(GITOPS)).isEmpty();
    assertThat(h.gitlab.requests("GET", "/projects/4242/repository/tags")).isEmpty();
    assertThat(h.gitlab.deployments(GITOPS))
        .extracting(
            FakeDeployment::environment,
            FakeDeployment::sha,
            FakeDeployment::ref,
            FakeDeployment::tag)
        .containsExactly(tuple("STG", promoted.result().commit(), "main", false));
    assertThat(h.gitlab.deployments("1333"))
        .extracting(
            FakeDeployment::environment,
            FakeDeployment::sha,
            FakeDeployment::ref,
            FakeDeployment::tag)
        .containsExactly(tuple("STG", workerV081, "v0.8.1", true));
    assertThat(h.gitlab.deployments("1331"))
        .extracting(FakeDeployment::environment, FakeDeployment::sha, FakeDeployment::ref)
        .containsExactly(tuple("STG", tagSha("1331", "v1.3.0"), "v1.3.0"));
    assertThat(h.gitlab.environments("1333"))
        .extracting(FakeEnvironment::name, FakeEnvironment::tier)
        .containsExactly(tuple("STG", "staging"));
  }

  @Test
  void aHotfixBuildResolvesThroughItsBaseTag() {
    h.repo.commitAsSomeoneElse(
        BACKEND_DEV,
        h.repo.read(BACKEND_DEV).replace("\"1.4.0\"", "\"1.4.0.185\""),
        "Backend hotfix build");

    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    PublishResult result = h.publisher.publish(promoted.request());

    assertThat(h.gitlab.deployments("1332"))
        .extracting(FakeDeployment::sha, FakeDeployment::ref)
        .containsExactly(tuple(backendV140.get(1), "v1.4.0"));
    assertThat(h.gitlab.releases(GITOPS).get(0).description())
        .contains(
            "## tbd-test-backend (1.2.0 → 1.4.0.185)\n\n**Added**\n- add /api/info endpoint\n");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aRefusedCallIsTerminalNamesTheProjectAndTheCallAndKeepsWhatIsDone() {
    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    h.gitlab.failNext("POST", "/projects/1332/deployments", 403, 1);

    PublishFailedException failure =
        catchThrowableOfType(
            () -> h.publisher.publish(promoted.request()), PublishFailedException.class);

    assertThat(failure.terminal()).isTrue();
    assertThat(failure.gitLabFailure())
        .isInstanceOf(GitLabRejectedException.class)
        .hasMessage(
            "GitLab refused create deployment v1.4.0 to TST on project 1332: 403 Forbidden");
    assertThat(((GitLabRejectedException) failure.gitLabFailure()).refusal())
        .isEqualTo(GitLabRejectedException.Refusal.FORBIDDEN);
    assertThat(failure.failedStep()).isEqualTo(PublishStep.DEPLOYMENTS);
    PublishResult partial = failure.partialResult();
    assertThat(partial.stepsDone()).containsExactly(PublishStep.RELEASE);
    assertThat(partial.stepsNotDone()).containsExactly(PublishStep.DEPLOYMENTS);
    assertThat(partial.releaseTag()).isEqualTo("v1.5.0");
    assertThat(partial.deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "1331");
    assertThat(failure.getMessage())
        .isEqualTo(
            "GitLab deployments step failed: GitLab refused create deployment v1.4.0 to TST on"
                + " project 1332: 403 Forbidden; GitLab steps done: release (Created v1.5.0: tag"
                + " and release created); not done: deployments (NotDone: 2 recorded before it"
                + " stopped)");
    assertThat(h.gitlab.requests("POST", "/projects/1332/deployments")).hasSize(1);
    assertThat(h.repo.head()).isEqualTo(promoted.result().commit());
  }

  private String tagSha(String project, String tag) {
    return h.gitlab.tags(project).stream()
        .filter(t -> t.name().equals(tag))
        .map(FakeTag::sha)
        .findFirst()
        .orElseThrow();
  }
}
