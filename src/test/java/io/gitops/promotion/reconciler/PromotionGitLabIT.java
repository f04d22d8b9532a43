package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.GitLabDeployment;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.StepStatus;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitLab steps of a Promotion run by the operator, against the fake GitLab over real HTTP. */
@EnableKubernetesMockClient(crud = true)
class PromotionGitLabIT {
  static KubernetesClient client;

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private OperatorHarness harness;

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(1234, "devops/argocd");
    gitlab.hostRepository("1234", repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addCommits(
        "1331", "v1.3.0", "v1.5.0", "feat: add user dashboard", "fix: resolve login timeout");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "feat: add /api/info endpoint");
    harness =
        new OperatorHarness(
            client,
            repo.fileUrl(),
            dir.resolve("cache"),
            new GitLabTarget(gitlab.url(), "1234", gitlab.token()));
  }

  @AfterEach
  void stop() {
    harness.close();
    gitlab.close();
    OperatorHarness.deletePromotions(client);
  }

  private void create(String name) {
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup("tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
  }

  private Promotion awaitPhase(String name, Phase phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Promotion p =
                  client.resources(Promotion.class).inNamespace("default").withName(name).get();
              return p.getStatus() != null && p.getStatus().getPhase() == phase;
            });
    return client.resources(Promotion.class).inNamespace("default").withName(name).get();
  }

  @Test
  void aDevPromotionIsReleasedAndItsDeploymentsRecordedOnTheStatus() {
    create("release-me");
    Promotion done = awaitPhase("release-me", Phase.SUCCEEDED);

    assertThat(gitlab.tags("1234"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("v1.5.0");
              assertThat(t.sha()).isEqualTo(done.getStatus().getCommit());
            });
    assertThat(gitlab.releases("1234"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.description())
                    .contains("- add user dashboard", "- add /api/info endpoint"));
    assertThat(done.getStatus().getSteps())
        .extracting(StepStatus::getName, StepStatus::getResult)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("gitlab", "Succeeded"));
    assertThat(done.getStatus().getGitlab().getReleaseTag()).isEqualTo("v1.5.0");
    assertThat(done.getStatus().getGitlab().getTagCreated()).isTrue();
    assertThat(done.getStatus().getGitlab().getReleaseCreated()).isTrue();
    assertThat(done.getStatus().getGitlab().getDeployments())
        .extracting(GitLabDeployment::project, GitLabDeployment::environment)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("1234", "TST"),
            org.assertj.core.groups.Tuple.tuple("1331", "TST"),
            org.assertj.core.groups.Tuple.tuple("1332", "TST"));
    assertThat(
            Conditions.find(done.getStatus().getConditions(), Conditions.RELEASED)
                .orElseThrow()
                .getReason())
        .isEqualTo("ReleaseCreated");
    assertThat(Conditions.isTrue(done.getStatus().getConditions(), Conditions.DEPLOYMENTS_RECORDED))
        .isTrue();
  }

  @Test
  void aGitLabFailureIsRetriedAndNothingIsCreatedOrPushedTwice() {
    int commits = repo.log().size();
    gitlab.failNext("POST", "/projects/1234/releases", 503, 8);
    create("retry-me");
    Promotion done = awaitPhase("retry-me", Phase.SUCCEEDED);
    assertThat(repo.log()).hasSize(commits + 1);
    assertThat(gitlab.tags("1234")).hasSize(1);
    assertThat(gitlab.releases("1234")).hasSize(1);
    assertThat(gitlab.deployments("1234")).hasSize(1);
    assertThat(done.getStatus().getGitlab().getReleaseCreated()).isTrue();
  }

  @Test
  void aGitLabRefusalFailsThePromotionNamingTheCallAndKeepsThePush() {
    gitlab.failNext("POST", "/projects/1234/repository/tags", 403, 1);
    create("refused");
    Promotion failed = awaitPhase("refused", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("GitLabRejected");
    assertThat(failed.getStatus().getMessage())
        .contains("403")
        .contains("1234")
        .contains("is pushed")
        .doesNotContain(gitlab.token());
    assertThat(failed.getStatus().getCommit()).isEqualTo(repo.head());
    assertThat(gitlab.tags("1234")).isEmpty();
  }
}
