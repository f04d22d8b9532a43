package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.GitLabDeployment;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRef;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.gitlab.FakeDeployment;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.FakeTag;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitLab deployments of a PromotionRollback run by the operator, against the fake GitLab over
 * real HTTP: the promotion dev-to-tst (tbd-test DEV -> TST, released and deployed) is rolled back.
 */
@EnableKubernetesMockClient(crud = true)
class PromotionRollbackGitLabIT {
  static KubernetesClient client;

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private OperatorHarness harness;
  private String promotionCommit;
  private String frontendV130;
  private String backendV120;

  @BeforeEach
  void promote() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(1234, "devops/argocd");
    gitlab.hostRepository("1234", repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "feat: add /api/info endpoint");
    frontendV130 = tagSha("1331", "v1.3.0");
    backendV120 = tagSha("1332", "v1.2.0");
    harness = startOperator("cache");
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup("tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName("dev-to-tst").withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Promotion done =
                  client
                      .resources(Promotion.class)
                      .inNamespace("default")
                      .withName("dev-to-tst")
                      .get();
              return done.getStatus() != null && done.getStatus().getPhase() == Phase.SUCCEEDED;
            });
    promotionCommit = repo.head();
  }

  @AfterEach
  void stop() {
    harness.close();
    gitlab.close();
    OperatorHarness.deleteRollbacks(client);
    OperatorHarness.deletePromotions(client);
  }

  private OperatorHarness startOperator(String cache) {
    return new OperatorHarness(
        client,
        repo.fileUrl(),
        dir.resolve(cache),
        new GitLabTarget(gitlab.url(), "1234", gitlab.token()));
  }

  private void createRollback(String name) {
    PromotionRollbackSpec spec = new PromotionRollbackSpec();
    spec.setPromotionRef(new PromotionRef("dev-to-tst"));
    PromotionRollback r = new PromotionRollback();
    r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    r.setSpec(spec);
    client.resource(r).create();
  }

  private PromotionRollback get(String name) {
    return client.resources(PromotionRollback.class).inNamespace("default").withName(name).get();
  }

  private PromotionRollback awaitStatus(String name, Predicate<PromotionRollback> condition) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              PromotionRollback r = get(name);
              return r.getStatus() != null && condition.test(r);
            });
    return get(name);
  }

  private PromotionRollback awaitPhase(String name, Phase phase) {
    return awaitStatus(name, r -> r.getStatus().getPhase() == phase);
  }

  @Test
  void aRollbackRegistersTheRestoredVersionsDeploymentsOnTheStatusAndMakesNoRelease() {
    createRollback("undo");
    PromotionRollback done = awaitPhase("undo", Phase.SUCCEEDED);

    String commit = repo.head();
    assertThat(done.getStatus().getCommit()).isEqualTo(commit);
    assertThat(deployments("1234"))
        .containsExactly(
            tuple("TST", promotionCommit, "v1.5.0", true, "success"),
            tuple("TST", commit, "main", false, "success"));
    assertThat(deployments("1331"))
        .containsExactly(
            tuple("TST", tagSha("1331", "v1.5.0"), "v1.5.0", true, "success"),
            tuple("TST", frontendV130, "v1.3.0", true, "success"));
    assertThat(deployments("1332"))
        .containsExactly(
            tuple("TST", tagSha("1332", "v1.4.0"), "v1.4.0", true, "success"),
            tuple("TST", backendV120, "v1.2.0", true, "success"));
    assertThat(done.getStatus().getGitlab().getDeployments())
        .containsExactly(
            new GitLabDeployment("1234", "TST", gitlab.deployments("1234").get(1).id(), commit),
            new GitLabDeployment(
                "1332", "TST", gitlab.deployments("1332").get(1).id(), backendV120),
            new GitLabDeployment(
                "1331", "TST", gitlab.deployments("1331").get(1).id(), frontendV130));
    assertThat(done.getStatus().getGitlab().getSkipped()).isFalse();
    assertThat(done.getStatus().getGitlab().getReleaseTag()).isNull();
    assertThat(done.getStatus().getGitlab().getWarnings()).isEmpty();
    assertThat(
            Conditions.find(done.getStatus().getConditions(), Conditions.DEPLOYMENTS_RECORDED)
                .orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo(Conditions.TRUE);
              assertThat(c.getReason()).isEqualTo("DeploymentsCreated");
            });
    assertThat(Conditions.find(done.getStatus().getConditions(), Conditions.RELEASED)).isEmpty();
    assertThat(gitlab.tags("1234")).extracting(FakeTag::name).containsExactly("v1.5.0");
    assertThat(gitlab.releases("1234")).hasSize(1);
  }

  @Test
  void anUnavailableGitLabIsRetriedAndARestartInTheMiddleCreatesNothingTwice() {
    int commits = repo.log().size();
    gitlab.failNext("POST", "/projects/1331/deployments", 503, 1000);
    createRollback("restarted");
    // retrying, the status keeps what the failed run recorded: the commit and the deployments made
    PromotionRollback partial =
        awaitStatus(
            "restarted",
            r ->
                "Retrying".equals(r.getStatus().getReason())
                    && r.getStatus().getGitlab() != null
                    && r.getStatus().getGitlab().getDeployments().size() == 2);
    assertThat(partial.getStatus().getPhase()).isEqualTo(Phase.RUNNING);
    assertThat(partial.getStatus().getCommit()).isEqualTo(repo.head());
    await()
        .during(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(12))
        .until(
            () -> {
              PromotionRollback r = get("restarted");
              return repo.head().equals(r.getStatus().getCommit())
                  && r.getStatus().getGitlab() != null
                  && r.getStatus().getGitlab().getDeployments().size() == 2;
            });
    assertThat(
            Conditions.find(partial.getStatus().getConditions(), Conditions.DEPLOYMENTS_RECORDED)
                .orElseThrow()
                .getStatus())
        .isEqualTo(Conditions.FALSE);

    harness.close();
    gitlab.clearFaults();
    harness = startOperator("cache-after-restart");
    PromotionRollback done = awaitPhase("restarted", Phase.SUCCEEDED);

    assertThat(repo.log()).hasSize(commits + 1);
    assertThat(done.getStatus().getCommit()).isEqualTo(partial.getStatus().getCommit());
    assertThat(done.getStatus().getStartedAt()).isEqualTo(partial.getStatus().getStartedAt());
    assertThat(deployments("1234"))
        .containsExactly(
            tuple("TST", promotionCommit, "v1.5.0", true, "success"),
            tuple("TST", repo.head(), "main", false, "success"));
    assertThat(deployments("1332"))
        .hasSize(2)
        .last()
        .isEqualTo(tuple("TST", backendV120, "v1.2.0", true, "success"));
    assertThat(deployments("1331"))
        .hasSize(2)
        .last()
        .isEqualTo(tuple("TST", frontendV130, "v1.3.0", true, "success"));
    assertThat(done.getStatus().getGitlab().getDeployments())
        .extracting(GitLabDeployment::project, GitLabDeployment::sha)
        .containsExactly(
            tuple("1234", repo.head()), tuple("1332", backendV120), tuple("1331", frontendV130));
    assertThat(gitlab.requests("POST", "/projects/1234/deployments")).hasSize(2);
    assertThat(gitlab.requests("POST", "/projects/1332/deployments")).hasSize(2);
  }

  @Test
  void aGitLabRefusalFailsTheRollbackNamingWhatIsDoneAndKeepsThePush() {
    gitlab.failNext("POST", "/projects/1332/deployments", 403, 1);
    createRollback("refused");
    PromotionRollback failed = awaitPhase("refused", Phase.FAILED);

    assertThat(failed.getStatus().getReason()).isEqualTo("GitLabRejected");
    assertThat(failed.getStatus().getMessage())
        .isEqualTo(
            "GitLab deployments step failed: GitLab refused create deployment v1.2.0 to TST on project 1332:"
                + " 403 Forbidden; GitLab steps done: release (Skipped: a rollback makes no release);"
                + " not done: deployments (NotDone: 1 recorded before it stopped)"
                + " (commit "
                + repo.head()
                + " is pushed and stays)");
    assertThat(failed.getStatus().getCommit()).isEqualTo(repo.head());
    assertThat(failed.getStatus().getGitlab().getDeployments())
        .extracting(GitLabDeployment::project)
        .containsExactly("1234");
    assertThat(deployments("1331")).hasSize(1);
    assertThat(gitlab.requests("POST", "/projects/1332/deployments")).hasSize(2);
  }

  /** (environment, sha, ref, ref is a tag, status) of each deployment, oldest first. */
  private List<Tuple> deployments(String project) {
    return gitlab.deployments(project).stream()
        .map((FakeDeployment d) -> tuple(d.environment(), d.sha(), d.ref(), d.tag(), d.status()))
        .toList();
  }

  private String tagSha(String project, String tag) {
    return gitlab.tags(project).stream()
        .filter(t -> t.name().equals(tag))
        .map(FakeTag::sha)
        .findFirst()
        .orElseThrow();
  }
}
