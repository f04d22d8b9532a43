package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 429, 5xx and lost connections are retried inside the adapter; the waits are recorded, not slept.
 */
class GitLabRetriesIT {

  private static final String COMMIT = "8f2e6b1c0d9a7e5f4b3c2d1e0f9a8b7c6d5e4f3a";
  private static final String TAGS = "/projects/1234/repository/tags";

  @AutoClose private final GitLabHarness harness = new GitLabHarness();
  private final FakeGitLabServer server = harness.server;
  private final GitLab gitLab = harness.gitLab;

  @BeforeEach
  void seed() {
    server.addProject(1234, "devops/argocd");
    server.addBranch("1234", "main", COMMIT);
  }

  @Test
  void twoServerErrorsAreRetriedWithExponentialBackoff() {
    server.addTag("1234", "v1.5.0", COMMIT);
    server.failNext("GET", TAGS, 500, 2);

    assertThat(gitLab.tagCommit("1234", "v1.5.0")).contains(COMMIT);

    assertThat(harness.sleeper.delays())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(harness.listener.retries())
        .extracting(r -> r.operation(), r -> r.failedAttempt(), r -> r.httpStatus())
        .containsExactly(
            tuple(GitLabOperation.GET_TAG, 1, 500), tuple(GitLabOperation.GET_TAG, 2, 500));
    assertThat(server.requests("GET", TAGS)).hasSize(3);
  }

  @Test
  void aRateLimitIsRetriedAfterTheWaitGitLabAsksFor() {
    server.addTag("1234", "v1.5.0", COMMIT);
    server.rateLimitNext("GET", TAGS, Duration.ofSeconds(1), 1);

    assertThat(gitLab.tagCommit("1234", "v1.5.0")).contains(COMMIT);

    assertThat(harness.sleeper.delays()).containsExactly(Duration.ofSeconds(1));
    assertThat(harness.listener.retries()).extracting(r -> r.httpStatus()).containsExactly(429);
  }

  @Test
  void aRateLimitLongerThanTheLongestWaitIsHandedToTheCaller() {
    server.rateLimitNext("GET", TAGS, Duration.ofMinutes(2), 1);

    GitLabUnavailableException e =
        catchThrowableOfType(
            GitLabUnavailableException.class, () -> gitLab.tagCommit("1234", "v1.5.0"));

    assertThat(e)
        .hasMessage(
            "GitLab unavailable for get tag v1.5.0 on project 1234 after 1 attempt: 429 Retry later"
                + " (asked to retry after 120 s)");
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(harness.sleeper.delays()).isEmpty();
  }

  @Test
  void exhaustedRetriesMakeGitLabUnavailable() {
    server.addTag("1234", "v1.5.0", COMMIT);
    server.failNext("POST", "/projects/1234/releases", 503, 3);

    GitLabUnavailableException e =
        catchThrowableOfType(
            GitLabUnavailableException.class,
            () -> gitLab.createRelease("1234", "v1.5.0", "v1.5.0", "notes"));

    assertThat(e)
        .hasMessage(
            "GitLab unavailable for create release v1.5.0 on project 1234 after 3 attempts: 503"
                + " Service Unavailable");
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(harness.sleeper.delays())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(server.releases("1234")).isEmpty();
  }

  @Test
  void anUnreachableGitLabIsUnavailableAfterTheRetries() {
    String url = server.url();
    server.close();
    try (Gitlab4jGitLab unreachable =
        new Gitlab4jGitLab(
            url, "any-token", GitLabHarness.POLICY, harness.sleeper, harness.listener)) {
      GitLabUnavailableException e =
          catchThrowableOfType(
              GitLabUnavailableException.class, () -> unreachable.tagCommit("1234", "v1.5.0"));

      assertThat(e.getMessage())
          .startsWith(
              "GitLab unavailable for get tag v1.5.0 on project 1234 after 3 attempts: no response:"
                  + " ");
      assertThat(e.httpStatus()).isZero();
      assertThat(harness.listener.retries()).extracting(r -> r.httpStatus()).containsExactly(0, 0);
    }
  }

  @Test
  void aTagWhoseCreateResponseWasLostIsCreatedExactlyOnce() {
    server.failNextAfterApplying("POST", TAGS, 500, 1);

    gitLab.createTag("1234", "v1.5.0", COMMIT, null);

    assertThat(server.tags("1234"))
        .extracting(FakeTag::name, FakeTag::sha)
        .containsExactly(tuple("v1.5.0", COMMIT));
    assertThat(server.requestLog())
        .extracting(RecordedRequest::toString)
        .containsExactly("POST " + TAGS, "POST " + TAGS, "GET " + TAGS + "/v1.5.0");
  }

  @Test
  void aReleaseWhoseCreateResponseWasLostIsCreatedExactlyOnce() {
    server.addTag("1234", "v1.5.0", COMMIT);
    server.failNextAfterApplying("POST", "/projects/1234/releases", 502, 1);

    ReleaseRef release = gitLab.createRelease("1234", "v1.5.0", "v1.5.0", "notes");

    assertThat(release.tagName()).isEqualTo("v1.5.0");
    assertThat(server.releases("1234"))
        .extracting(FakeRelease::description)
        .containsExactly("notes");
  }

  @Test
  void aDeploymentWhoseCreateResponseWasLostIsCreatedExactlyOnce() {
    server.failNextAfterApplying("POST", "/projects/1234/deployments", 500, 1);

    DeploymentRef deployment = gitLab.createDeployment("1234", "TST", "main", false, COMMIT);

    assertThat(server.deployments("1234"))
        .extracting(FakeDeployment::id)
        .containsExactly(deployment.id());
    assertThat(server.requests("POST", "/projects/1234/deployments")).hasSize(1);
  }

  @Test
  void aDeploymentWhoseConnectionDroppedAfterItWasMadeIsCreatedExactlyOnce() {
    gitLab.tagCommit(
        "1234", "v0.0.0"); // a kept-alive connection, which the JDK would resend a buffered POST on
    server.failNextAfterApplying("POST", "/projects/1234/deployments", 0, 1);

    DeploymentRef deployment = gitLab.createDeployment("1234", "TST", "main", false, COMMIT);

    assertThat(server.deployments("1234"))
        .extracting(FakeDeployment::id)
        .containsExactly(deployment.id());
    assertThat(server.requests("POST", "/projects/1234/deployments")).hasSize(1);
  }

  @Test
  void anEnvironmentWhoseCreateResponseWasLostIsCreatedExactlyOnce() {
    server.failNextAfterApplying("POST", "/projects/1234/environments", 500, 1);

    gitLab.ensureEnvironment("1234", "TST", "testing");

    assertThat(server.environments("1234"))
        .extracting(FakeEnvironment::name, FakeEnvironment::tier)
        .containsExactly(tuple("TST", "testing"));
  }
}
