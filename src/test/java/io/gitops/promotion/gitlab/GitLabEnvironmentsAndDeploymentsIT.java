package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabEnvironmentsAndDeploymentsIT {

  private static final String RELEASE_COMMIT = "8f2e6b1c0d9a7e5f4b3c2d1e0f9a8b7c6d5e4f3a";

  @AutoClose private final GitLabHarness harness = new GitLabHarness();
  private final FakeGitLabServer server = harness.server;
  private final GitLab gitLab = harness.gitLab;

  @BeforeEach
  void seed() {
    server.addProject(1234, "devops/argocd");
    server.addTag("1234", "v1.5.0", RELEASE_COMMIT);
  }

  @Test
  void ensureEnvironmentCreatesAMissingEnvironmentWithItsTier() {
    gitLab.ensureEnvironment("1234", "TST", "testing");

    assertThat(server.environments("1234"))
        .extracting(FakeEnvironment::name, FakeEnvironment::tier)
        .containsExactly(tuple("TST", "testing"));
  }

  @Test
  void ensureEnvironmentCorrectsTheTierOfAnExistingEnvironment() {
    long id = server.addEnvironment("1234", "PRD", "other");

    gitLab.ensureEnvironment("1234", "PRD", "production");

    assertThat(server.environments("1234"))
        .extracting(FakeEnvironment::id, FakeEnvironment::name, FakeEnvironment::tier)
        .containsExactly(tuple(id, "PRD", "production"));
    assertThat(server.requests("PUT", "/projects/1234/environments"))
        .extracting(RecordedRequest::path)
        .containsExactly("/projects/1234/environments/" + id);
  }

  @Test
  void ensureEnvironmentWritesNothingWhenTheEnvironmentIsAsWanted() {
    server.addEnvironment("1234", "STG", "staging");

    gitLab.ensureEnvironment("1234", "STG", "staging");

    assertThat(server.requestLog()).extracting(RecordedRequest::method).containsOnly("GET");
  }

  @Test
  void createDeploymentRegistersASuccessfulDeploymentOfTheTag() {
    DeploymentRef deployment =
        gitLab.createDeployment("1234", "TST", "v1.5.0", true, RELEASE_COMMIT);

    assertThat(deployment)
        .isEqualTo(new DeploymentRef(1, "TST", RELEASE_COMMIT, "v1.5.0", "success"));
    assertThat(server.deployments("1234"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.environment()).isEqualTo("TST");
              assertThat(d.sha()).isEqualTo(RELEASE_COMMIT);
              assertThat(d.ref()).isEqualTo("v1.5.0");
              assertThat(d.tag()).isTrue();
              assertThat(d.status()).isEqualTo("success");
            });
  }

  @Test
  void aDeploymentOfATagThatDoesNotExistIsRejected() {
    assertThatThrownBy(
            () -> gitLab.createDeployment("1234", "TST", "v1.5.0.185", true, RELEASE_COMMIT))
        .isInstanceOf(GitLabRejectedException.class)
        .hasMessage(
            "GitLab refused create deployment v1.5.0.185 to TST on project 1234: "
                + "400 ref: The branch or tag does not exist");
    assertThat(server.deployments("1234")).isEmpty();
  }

  @Test
  void findDeploymentFindsTheDeploymentOfTheShaMadeSinceTheGivenInstant() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(10));
    server.addDeployment(
        "1234", "TST", RELEASE_COMMIT, "v1.5.0", true, "success", since.minus(Duration.ofDays(1)));
    server.addDeployment(
        "1234", "STG", RELEASE_COMMIT, "v1.5.0", true, "success", since.plusSeconds(5));
    server.addDeployment(
        "1234",
        "TST",
        "0123456789012345678901234567890123456789",
        "v1.4.0",
        true,
        "success",
        since.plusSeconds(10));
    long wanted =
        server.addDeployment(
            "1234", "TST", RELEASE_COMMIT, "v1.5.0", true, "success", since.plusSeconds(20));

    assertThat(gitLab.findDeployment("1234", "TST", RELEASE_COMMIT, since))
        .contains(new DeploymentRef(wanted, "TST", RELEASE_COMMIT, "v1.5.0", "success"));
    assertThat(server.requests("GET", "/projects/1234/deployments"))
        .singleElement()
        .extracting(RecordedRequest::query)
        .asString()
        .contains("environment=TST", "order_by=updated_at", "sort=desc", "updated_after=");
  }

  @Test
  void findDeploymentIsEmptyWhenTheOnlyDeploymentIsOlder() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    server.addDeployment(
        "1234", "TST", RELEASE_COMMIT, "v1.5.0", true, "success", since.minus(Duration.ofHours(1)));

    assertThat(gitLab.findDeployment("1234", "TST", RELEASE_COMMIT, since)).isEmpty();
  }

  @Test
  void findDeploymentPagesThroughMoreDeploymentsThanOnePage() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
    long wanted =
        server.addDeployment(
            "1234", "TST", RELEASE_COMMIT, "v1.5.0", true, "success", since.plusSeconds(1));
    for (int i = 0; i < 120; i++) {
      server.addDeployment(
          "1234",
          "TST",
          "0123456789012345678901234567890123456789",
          "main",
          false,
          "success",
          since.plusSeconds(100 + i));
    }

    assertThat(gitLab.findDeployment("1234", "TST", RELEASE_COMMIT, since))
        .map(DeploymentRef::id)
        .contains(wanted);
    assertThat(server.requests("GET", "/projects/1234/deployments")).hasSize(2);
  }
}
