package io.gitops.promotion.publish;

import static io.gitops.promotion.publish.Promotions.BACKEND;
import static io.gitops.promotion.publish.Promotions.COMMIT;
import static io.gitops.promotion.publish.Promotions.DEV;
import static io.gitops.promotion.publish.Promotions.FRONTEND;
import static io.gitops.promotion.publish.Promotions.GITOPS;
import static io.gitops.promotion.publish.Promotions.STG;
import static io.gitops.promotion.publish.Promotions.TST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.TagChange;
import io.gitops.promotion.gitlab.GitLabFailures;
import io.gitops.promotion.gitlab.GitLabOperation;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.GitLabUnavailableException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublisherTest {

  private static final String FRONTEND_V150 = "f000000000000000000000000000000000000150";
  private static final String BACKEND_V140 = "b000000000000000000000000000000000000140";

  private final InMemoryGitLab gitLab = new InMemoryGitLab();
  private final Publisher publisher = new Publisher(gitLab);

  @BeforeEach
  void seedSourceProjects() {
    gitLab.tag("1331", "v1.3.0", "f000000000000000000000000000000000000130");
    gitLab.tag("1331", "v1.5.0", FRONTEND_V150);
    gitLab.range(
        "1331", "v1.3.0", "v1.5.0", "feat: add user dashboard", "fix: resolve login timeout");
    gitLab.tag("1332", "v1.4.0", BACKEND_V140);
  }

  @Test
  void tagsTheCommitAndReleasesItWithTheChangelogWhenTheSourceIsDev() {
    PublishResult result = publisher.publish(Promotions.devToTst());

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.CREATED);
    assertThat(result.releaseTag()).isEqualTo("v1.5.0");
    assertThat(result.tagCreated()).isTrue();
    assertThat(result.releaseCreated()).isTrue();
    assertThat(result.releaseUrl()).isEqualTo("https://gitlab.test/4242/-/releases/v1.5.0");
    assertThat(gitLab.tags.get(GITOPS)).containsEntry("v1.5.0", COMMIT);
    assertThat(gitLab.tagMessages)
        .containsEntry("4242 v1.5.0", "Promote tbd-test [DEV] v1.5.0 -> [TST] v1.3.0");
    InMemoryGitLab.Release release = gitLab.releases.get(0);
    assertThat(release.name()).isEqualTo("tbd-test [DEV] v1.5.0 → [TST] v1.3.0");
    assertThat(release.description())
        .isEqualTo(
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

            **Fixed**
            - resolve login timeout

            ## tbd-test-backend (1.2.0 → 1.4.0)

            _No changelog: tag v1.2.0 does not exist in GitLab project 1332._
            """);
    assertThat(result.warnings())
        .containsExactly(
            "no changelog for tbd-test-backend: tag v1.2.0 does not exist in GitLab project 1332");
  }

  @Test
  void registersTheTargetDeploymentsOnTheGitOpsAndSourceProjects() {
    PublishResult result = publisher.publish(Promotions.devToTst());

    assertThat(result.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.CREATED);
    assertThat(result.deployments())
        .containsExactly(
            new RecordedDeployment(GITOPS, "TST", 1, COMMIT, "v1.5.0"),
            new RecordedDeployment("1331", "TST", 2, FRONTEND_V150, "v1.5.0"),
            new RecordedDeployment("1332", "TST", 3, BACKEND_V140, "v1.4.0"));
    assertThat(gitLab.deployments).allMatch(InMemoryGitLab.Deployment::tag);
    assertThat(gitLab.environments)
        .containsEntry(GITOPS, java.util.Map.of("TST", "testing"))
        .containsEntry("1331", java.util.Map.of("TST", "testing"))
        .containsEntry("1332", java.util.Map.of("TST", "testing"));
    assertThat(result.stepsNotDone()).isEmpty();
  }

  @Test
  void aSecondRunOfTheSamePromotionCreatesNothing() {
    publisher.publish(Promotions.devToTst());
    int creates = gitLab.creates().size();
    int calls = gitLab.calls.size();

    PublishResult again = publisher.publish(Promotions.devToTst());

    assertThat(gitLab.creates()).hasSize(creates);
    assertThat(again.releaseStep().outcome()).isEqualTo(ReleaseOutcome.ALREADY_EXISTED);
    assertThat(again.tagCreated()).isFalse();
    assertThat(again.releaseCreated()).isFalse();
    assertThat(again.releaseUrl()).isEqualTo("https://gitlab.test/4242/-/releases/v1.5.0");
    assertThat(again.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.ALREADY_EXISTED);
    assertThat(again.deployments()).extracting(RecordedDeployment::id).containsExactly(1L, 2L, 3L);
    assertThat(gitLab.calls.subList(calls, gitLab.calls.size()))
        .noneMatch(call -> call.startsWith("compare"));
  }

  @Test
  void aTagAlreadyAtThePromotionCommitGetsOnlyItsRelease() {
    gitLab.tag(GITOPS, "v1.5.0", COMMIT);

    PublishResult result = publisher.publish(Promotions.devToTst());

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.CREATED);
    assertThat(result.tagCreated()).isFalse();
    assertThat(result.releaseCreated()).isTrue();
    assertThat(gitLab.creates()).noneMatch(call -> call.startsWith("createTag"));
  }

  @Test
  void aReleaseTagAtAnotherCommitLeavesTheChangesWithoutAReleaseAndSaysWhich() {
    gitLab.tag(GITOPS, "v1.5.0", "0ld0000000000000000000000000000000000000");
    TagChange backendOnly = new TagChange("backend", "tbd-test-backend", "1.2.0", "1.4.0");

    PublishResult result =
        publisher.publish(
            Promotions.request(PromotionOutcome.PROMOTED, DEV, TST, "1.5.0", List.of(backendOnly)));

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.LEFT_WITHOUT_RELEASE);
    assertThat(result.releaseTag()).isNull();
    assertThat(result.unreleasedChanges()).isEqualTo(1);
    assertThat(result.warnings())
        .containsExactly(
            "release v1.5.0 already exists for an earlier promotion: "
                + "backend/tbd-test-backend 1.2.0 -> 1.4.0 has no release of its own");
    assertThat(gitLab.creates())
        .noneMatch(call -> call.contains("Tag") || call.contains("Release"));
    assertThat(gitLab.tags.get(GITOPS))
        .containsEntry("v1.5.0", "0ld0000000000000000000000000000000000000");
    assertThat(result.deployments().get(0))
        .isEqualTo(new RecordedDeployment(GITOPS, "TST", 1, COMMIT, "main"));
  }

  @Test
  void aPromotionOutOfAnotherEnvironmentHasNoReleaseButItsDeployments() {
    gitLab.tag("1331", "v1.3.0", "f000000000000000000000000000000000000130");
    TagChange frontend = new TagChange("frontend", "tbd-test", "1.2.0", "1.3.0");

    PublishResult result =
        publisher.publish(
            Promotions.request(PromotionOutcome.PROMOTED, TST, STG, "1.3.0", List.of(frontend)));

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.SKIPPED);
    assertThat(result.releaseStep().detail())
        .isEqualTo("TST is not an environment releases are made from");
    assertThat(gitLab.calls).noneMatch(call -> call.contains(GITOPS + " v1.3.0"));
    assertThat(result.deployments())
        .containsExactly(
            new RecordedDeployment(GITOPS, "STG", 1, COMMIT, "main"),
            new RecordedDeployment(
                "1331", "STG", 2, "f000000000000000000000000000000000000130", "v1.3.0"));
    assertThat(gitLab.environments.get("1331")).containsEntry("STG", "staging");
  }

  @Test
  void aPreviewOrNothingToPromotePublishesNothing() {
    for (PromotionOutcome outcome :
        List.of(PromotionOutcome.PREVIEWED, PromotionOutcome.NOTHING_TO_PROMOTE)) {
      PublishResult result =
          publisher.publish(Promotions.request(outcome, DEV, TST, "1.5.0", List.of(FRONTEND)));

      assertThat(result.skipped()).isFalse();
      assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.SKIPPED);
      assertThat(result.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.SKIPPED);
      assertThat(result.releaseStep().detail())
          .isEqualTo("nothing was pushed (" + outcome.label() + ")");
    }
    assertThat(gitLab.calls).isEmpty();
  }

  @Test
  void withoutAVersionThereIsNoRelease() {
    PublishResult result =
        publisher.publish(
            Promotions.request(PromotionOutcome.PROMOTED, DEV, TST, null, List.of(BACKEND)));

    assertThat(result.releaseStep().outcome()).isEqualTo(ReleaseOutcome.SKIPPED);
    assertThat(result.releaseStep().detail())
        .isEqualTo("no release version: lead service frontend has no tag in DEV");
    assertThat(result.deployments()).hasSize(2);
  }

  @Test
  void anApplicationWhoseTagGitLabDoesNotHaveGetsAWarningInsteadOfADeployment() {
    TagChange worker = new TagChange("backend", "tbd-test-worker", "0.8.0", "0.8.1");
    PublishRequest request =
        PublishRequest.of(
            Promotions.result(
                PromotionOutcome.PROMOTED,
                TST,
                STG,
                "1.3.0",
                List.of(worker),
                java.util.Map.of("backend/tbd-test-worker", 1333L)),
            PublishSettings.of(GITOPS, "main"),
            Promotions.STARTED);

    PublishResult result = publisher.publish(request);

    assertThat(result.deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS);
    assertThat(result.warnings())
        .containsExactly(
            "no deployment of tbd-test-worker 0.8.1: GitLab project 1333 has no tag v0.8.1");
  }

  @Test
  void aHotfixBuildIsDeployedAtItsBaseTag() {
    gitLab.tag("2001", "v0.23.0", "a000000000000000000000000000000000000230");
    TagChange hotfix = new TagChange("api", "payments-api", "0.22.0", "0.23.0.185");
    PublishRequest request =
        PublishRequest.of(
            Promotions.result(
                PromotionOutcome.PROMOTED,
                TST,
                STG,
                "0.23.0.185",
                List.of(hotfix),
                java.util.Map.of("api/payments-api", 2001L)),
            PublishSettings.of(GITOPS, "main"),
            Promotions.STARTED);

    PublishResult result = publisher.publish(request);

    assertThat(result.deployments())
        .contains(
            new RecordedDeployment(
                "2001", "STG", 2, "a000000000000000000000000000000000000230", "v0.23.0"));
  }

  @Test
  void applicationsBuiltFromTheSameCommitShareOneDeployment() {
    TagChange api = new TagChange("api", "shop-api", "1.0.0", "1.1.0");
    TagChange jobs = new TagChange("api", "shop-jobs", "1.0.0", "1.1.0");
    gitLab.tag("7", "v1.1.0", "d000000000000000000000000000000000000110");
    PublishRequest request =
        PublishRequest.of(
            Promotions.result(
                PromotionOutcome.PROMOTED,
                TST,
                STG,
                "1.1.0",
                List.of(api, jobs),
                java.util.Map.of("api/shop-api", 7L, "api/shop-jobs", 7L)),
            PublishSettings.of(GITOPS, "main"),
            Promotions.STARTED);

    PublishResult result = publisher.publish(request);

    assertThat(result.deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "7");
    assertThat(gitLab.deployments).hasSize(2);
  }

  @Test
  void aRefusedCallFailsTerminallyWithWhatWasDoneSoFar() {
    gitLab.rejectNext(GitLabOperation.CREATE_DEPLOYMENT, "1331", 403);

    PublishFailedException failure =
        catchThrowableOfType(
            () -> publisher.publish(Promotions.devToTst()), PublishFailedException.class);

    assertThat(failure.terminal()).isTrue();
    assertThat(failure.gitLabFailure()).isInstanceOf(GitLabRejectedException.class);
    assertThat(failure.failedStep()).isEqualTo(PublishStep.DEPLOYMENTS);
    PublishResult partial = failure.partialResult();
    assertThat(partial.stepsDone()).containsExactly(PublishStep.RELEASE);
    assertThat(partial.stepsNotDone()).containsExactly(PublishStep.DEPLOYMENTS);
    assertThat(partial.releaseTag()).isEqualTo("v1.5.0");
    assertThat(partial.deployments())
        .containsExactly(new RecordedDeployment(GITOPS, "TST", 1, COMMIT, "v1.5.0"));
    assertThat(failure)
        .hasMessage(
            "GitLab deployments step failed: GitLab refused create deployment on project 1331: 403"
                + " refused; GitLab steps done: release (Created v1.5.0: tag and release created);"
                + " not done: deployments (NotDone: 1 recorded before it stopped)");
  }

  @Test
  void anUnavailableGitLabIsRetryableAndTheRetryFinishesWithoutRepeatingTheTag() {
    gitLab.failNext(
        GitLabOperation.CREATE_RELEASE,
        GITOPS,
        GitLabFailures.unavailable(GitLabOperation.CREATE_RELEASE, "v1.5.0", GITOPS, 503));

    PublishFailedException failure =
        catchThrowableOfType(
            () -> publisher.publish(Promotions.devToTst()), PublishFailedException.class);

    assertThat(failure.terminal()).isFalse();
    assertThat(failure.gitLabFailure()).isInstanceOf(GitLabUnavailableException.class);
    assertThat(failure.partialResult().releaseStep().outcome()).isEqualTo(ReleaseOutcome.NOT_DONE);
    assertThat(failure.partialResult().tagCreated()).isTrue();
    assertThat(failure.partialResult().stepsDone()).isEmpty();

    PublishResult retried = publisher.publish(Promotions.devToTst());

    assertThat(retried.releaseStep().outcome()).isEqualTo(ReleaseOutcome.CREATED);
    assertThat(retried.tagCreated()).isFalse();
    assertThat(retried.releaseCreated()).isTrue();
    assertThat(gitLab.creates().stream().filter(c -> c.startsWith("createTag"))).hasSize(1);
    assertThat(gitLab.releases).hasSize(1);
  }

  @Test
  void withoutGitLabEveryStepIsSkipped() {
    PublishResult result = PublishResult.notConfigured();

    assertThat(result.skipped()).isTrue();
    assertThat(result.releaseStep().describe()).isEqualTo("Skipped: GitLab is not configured");
    assertThat(result.deploymentsStep().describe()).isEqualTo("Skipped: GitLab is not configured");
    assertThat(result.deployments()).isEmpty();
    assertThat(result.stepsNotDone()).isEmpty();
  }
}
