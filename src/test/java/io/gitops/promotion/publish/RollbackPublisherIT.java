package io.gitops.promotion.publish;

import static io.gitops.promotion.publish.PublishingHarness.GITOPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.gitops.promotion.gitlab.FakeDeployment;
import io.gitops.promotion.gitlab.FakeTag;
import io.gitops.promotion.gitlab.RecordedRequest;
import io.gitops.promotion.rollback.RollbackOutcome;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitLab steps of a rollback over real HTTP (gitlab4j against the fake GitLab) after a real
 * promotion of tbd-test DEV -> TST and its real rollback: deployments of the restored versions, no
 * release.
 */
class RollbackPublisherIT {

  private static final String BACKEND_TST = "workloads/tbd-test/backend/overlays/tst/values.yaml";
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private PublishingHarness h;
  private String frontendV130;
  private String backendV120;

  @BeforeEach
  void seedSourceProjects() {
    h = new PublishingHarness(dir);
    h.gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    h.gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "feat: add /api/info endpoint");
    frontendV130 = tagSha("1331", "v1.3.0");
    backendV120 = tagSha("1332", "v1.2.0");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void registersTheRestoredVersionsDeploymentsAndMakesNoReleaseOrTag() {
    PublishingHarness.Promoted promoted = h.promote("p-1", "DEV", "TST");
    h.publisher.publish(promoted.request());
    int posts = h.gitlab.requests("POST", "/").size();

    PublishingHarness.RolledBack rolledBack = h.rollBack("r-1");
    PublishResult result = h.publisher.publish(rolledBack.request());

    String commit = rolledBack.result().commit();
    assertThat(rolledBack.result().outcome()).isEqualTo(RollbackOutcome.RESTORED);
    assertThat(commit).isEqualTo(h.repo.head());
    assertThat(deployments(GITOPS))
        .containsExactly(
            tuple("TST", promoted.result().commit(), "v1.5.0", true, "success"),
            tuple("TST", commit, "main", false, "success"));
    assertThat(deployments("1331"))
        .containsExactly(
            tuple("TST", tagSha("1331", "v1.5.0"), "v1.5.0", true, "success"),
            tuple("TST", frontendV130, "v1.3.0", true, "success"));
    assertThat(deployments("1332"))
        .containsExactly(
            tuple("TST", tagSha("1332", "v1.4.0"), "v1.4.0", true, "success"),
            tuple("TST", backendV120, "v1.2.0", true, "success"));
    assertThat(result.deployments())
        .extracting(
            RecordedDeployment::project,
            RecordedDeployment::environment,
            RecordedDeployment::sha,
            RecordedDeployment::ref)
        .containsExactly(
            tuple(GITOPS, "TST", commit, "main"),
            tuple("1332", "TST", backendV120, "v1.2.0"),
            tuple("1331", "TST", frontendV130, "v1.3.0"));
    assertThat(result.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.CREATED);
    assertThat(result.releaseStep().describe()).isEqualTo("Skipped: a rollback makes no release");
    assertThat(result.releaseTag()).isNull();
    assertThat(result.warnings()).isEmpty();
    assertThat(h.gitlab.tags(GITOPS)).extracting(FakeTag::name).containsExactly("v1.5.0");
    assertThat(h.gitlab.releases(GITOPS)).hasSize(1);
    assertThat(h.gitlab.requests("POST", "/").subList(posts, h.gitlab.requests("POST", "/").size()))
        .extracting(RecordedRequest::path)
        .containsExactly(
            "/projects/4242/deployments",
            "/projects/1332/deployments",
            "/projects/1331/deployments");
  }

  @Test
  void lostResponsesASecondRunAndARestartOfTheSameRollbackCreateNothingTwice() {
    h.promote("p-1", "DEV", "TST");
    h.gitlab.failNextAfterApplying("POST", "/projects/4242/deployments", 502, 1);
    h.gitlab.failNextAfterApplying("POST", "/projects/1331/deployments", 502, 1);

    PublishingHarness.RolledBack rolledBack = h.rollBack("r-1");
    PublishResult first = h.publisher.publish(rolledBack.request());
    int posts = h.gitlab.requests("POST", "/").size();
    PublishResult second = h.publisher.publish(rolledBack.request());
    PublishingHarness.RolledBack restarted =
        h.rerunRollback("r-1", rolledBack.request().startedAt());
    PublishResult afterRestart = h.publisher.publish(restarted.request());

    assertThat(restarted.result().resumed()).isTrue();
    assertThat(restarted.request()).isEqualTo(rolledBack.request());
    assertThat(h.gitlab.requests("POST", "/")).hasSize(posts);
    for (String project : List.of(GITOPS, "1331", "1332")) {
      assertThat(h.gitlab.deployments(project)).as(project).hasSize(1);
      assertThat(h.gitlab.environments(project)).as(project).hasSize(1);
    }
    assertThat(deployments(GITOPS))
        .containsExactly(tuple("TST", rolledBack.result().commit(), "main", false, "success"));
    assertThat(first.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.CREATED);
    assertThat(second.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.ALREADY_EXISTED);
    assertThat(afterRestart.deploymentsStep().outcome())
        .isEqualTo(DeploymentsOutcome.ALREADY_EXISTED);
    assertThat(second.deployments()).isEqualTo(first.deployments());
    assertThat(afterRestart.deployments()).isEqualTo(first.deployments());
  }

  @Test
  void anUnavailableGitLabFailsRetryablyWithWhatIsDoneAndTheRetryFinishesTheRest() {
    h.promote("p-1", "DEV", "TST");
    h.gitlab.failNext("POST", "/projects/1331/deployments", 503, 3);
    PublishingHarness.RolledBack rolledBack = h.rollBack("r-1");

    PublishFailedException failure =
        catchThrowableOfType(
            () -> h.publisher.publish(rolledBack.request()), PublishFailedException.class);
    PublishResult retried = h.publisher.publish(rolledBack.request());

    assertThat(failure.terminal()).isFalse();
    assertThat(failure.failedStep()).isEqualTo(PublishStep.DEPLOYMENTS);
    assertThat(failure.partialResult().deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "1332");
    assertThat(retried.stepsNotDone()).isEmpty();
    assertThat(retried.deployments())
        .extracting(RecordedDeployment::project)
        .containsExactly(GITOPS, "1332", "1331");
    for (String project : List.of(GITOPS, "1331", "1332")) {
      assertThat(h.gitlab.deployments(project)).as(project).hasSize(1);
    }
  }

  @Test
  void aRestoredHotfixBuildIsDeployedAtItsBaseTagAndAnUntaggedVersionIsAWarning() {
    h.repo.commitAsSomeoneElse(
        BACKEND_TST,
        h.repo.read(BACKEND_TST).replace("\"1.2.0\"", "\"1.2.0.185\""),
        "Backend hotfix build in TST");
    h.repo.commitAsSomeoneElse(
        FRONTEND_TST,
        h.repo.read(FRONTEND_TST).replace("\"1.3.0\"", "\"1.3.0-rc1\""),
        "Frontend release candidate in TST");
    h.promote("p-1", "DEV", "TST");

    PublishingHarness.RolledBack rolledBack = h.rollBack("r-1");
    PublishResult result = h.publisher.publish(rolledBack.request());

    assertThat(rolledBack.result().restored())
        .extracting(r -> r.app() + " " + r.to())
        .containsExactly("tbd-test-backend 1.2.0.185", "tbd-test 1.3.0-rc1");
    assertThat(deployments("1332"))
        .containsExactly(tuple("TST", backendV120, "v1.2.0", true, "success"));
    assertThat(deployments("1331")).isEmpty();
    assertThat(result.warnings())
        .containsExactly(
            "no deployment of tbd-test 1.3.0-rc1: GitLab project 1331 has no tag v1.3.0-rc1");
    assertThat(result.deploymentsStep().outcome()).isEqualTo(DeploymentsOutcome.CREATED);
  }

  @Test
  void aRollbackThatPushedNothingCallsNoGitLab() {
    h.promote("p-1", "DEV", "TST");
    h.publisher.publish(h.rollBack("r-1").request());
    int requests = h.gitlab.requestLog().size();

    PublishingHarness.RolledBack second = h.rollBack("r-2");
    PublishResult result = h.publisher.publish(second.request());

    assertThat(second.result().outcome()).isEqualTo(RollbackOutcome.NOTHING_TO_ROLL_BACK);
    assertThat(result.releaseStep().describe())
        .isEqualTo("Skipped: nothing was pushed (NothingToRollBack)");
    assertThat(result.deploymentsStep().describe())
        .isEqualTo("Skipped: nothing was pushed (NothingToRollBack)");
    assertThat(h.gitlab.requestLog()).hasSize(requests);
  }

  /** (environment, sha, ref, ref is a tag, status) of each deployment, oldest first. */
  private List<Tuple> deployments(String project) {
    return h.gitlab.deployments(project).stream()
        .map((FakeDeployment d) -> tuple(d.environment(), d.sha(), d.ref(), d.tag(), d.status()))
        .toList();
  }

  private String tagSha(String project, String tag) {
    return h.gitlab.tags(project).stream()
        .filter(t -> t.name().equals(tag))
        .map(FakeTag::sha)
        .findFirst()
        .orElseThrow();
  }
}
