package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.GitLabDeployment;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.FakeMergeRequest;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotions into environments gated by merge request, run by the operator against the fake
 * GitLab's merge request API over real HTTP and a real Git repository it merges in.
 */
@EnableKubernetesMockClient(crud = true)
class MergeRequestPromotionIT {
  static KubernetesClient client;
  private static final MergeRequestSettings FAST =
      MergeRequestSettings.DEFAULT.withPolling(Duration.ofMillis(200), Duration.ofMillis(400));

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private OperatorHarness harness;

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addExampleProjects(repo.bareDir());
    gitlab.addProject(2001, "payments/api");
    gitlab.addTag("2001", "v2.3.0", "0000000000000000000000000000000000002001");
    gitlab.requireApprovals("1234", 1);
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    gitlab.close();
    OperatorHarness.deletePromotions(client);
    client.v1().events().inAnyNamespace().delete();
  }

  private void startOperator(MergeRequestSettings settings) {
    harness =
        new OperatorHarness(
            client,
            repo.fileUrl(),
            dir.resolve("cache"),
            new GitLabTarget(gitlab.url(), "1234", gitlab.token()),
            Clock.systemUTC(),
            Gates.none(),
            gatedCatalog(),
            settings);
  }

  /** The default environments with TST, STG and PRD gated by merge request. */
  static EnvironmentCatalog gatedCatalog() {
    List<Environment> all =
        EnvironmentCatalog.defaults().all().stream()
            .map(
                e ->
                    List.of("TST", "STG", "PRD").contains(e.name())
                        ? new Environment(
                            e.name(), e.dir(), e.tier(), Environment.MERGE_REQUEST, null)
                        : e)
            .toList();
    return new EnvironmentCatalog(all, all.subList(1, all.size()));
  }

  private void create(String name, String group, String source, String target) {
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup(group);
    spec.setSourceEnv(source);
    spec.setTargetEnv(target);
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
  }

  private Promotion get(String name) {
    return client.resources(Promotion.class).inNamespace("default").withName(name).get();
  }

  private Promotion awaitPhase(String name, Phase phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Promotion p = get(name);
              assertThat(p.getStatus()).isNotNull();
              assertThat(p.getStatus().getPhase())
                  .as("%s: %s", p.getStatus().getReason(), p.getStatus().getMessage())
                  .isEqualTo(phase);
            });
    return get(name);
  }

  private List<String> eventReasons(String name) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(name))
        .map(Event::getReason)
        .toList();
  }

  @Test
  void opensARequestWaitsForTheApprovalAndReleasesOnTheMergedCommit() {
    startOperator(FAST);
    String before = repo.head();
    create("to-tst", "tbd-test", "DEV", "TST");

    Promotion awaiting = awaitPhase("to-tst", Phase.AWAITING_MERGE);
    assertThat(repo.head()).as("nothing pushed to main").isEqualTo(before);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    assertThat(branch).matches("promotion/tst/tbd-test/[0-9a-f]{8}");
    assertThat(repo.branchHead(branch)).isEqualTo(awaiting.getStatus().getCommit());
    assertThat(awaiting.getStatus().getMergeRequest().getIid()).isEqualTo(1);
    assertThat(awaiting.getStatus().getMergeRequest().getUrl())
        .endsWith("/devops/argocd/-/merge_requests/1");
    assertThat(awaiting.getStatus().getMergeRequest().getState()).isEqualTo("opened");
    assertThat(awaiting.getStatus().getMergeRequest().getDetailedMergeStatus())
        .isEqualTo("not_approved");
    assertThat(awaiting.getStatus().getMergeRequest().getApprovalsRequired()).isEqualTo(1);
    assertThat(awaiting.getStatus().getMergeRequest().getApprovalsGiven()).isZero();
    assertThat(
            Conditions.find(awaiting.getStatus().getConditions(), Conditions.MERGED)
                .orElseThrow()
                .getReason())
        .isEqualTo("AwaitingMerge");
    FakeMergeRequest mr = gitlab.mergeRequests("1234").get(0);
    assertThat(mr.title())
        .isEqualTo(awaiting.getStatus().getTitle())
        .startsWith("Promote [DEV] v1.5.0 -> [TST]");
    assertThat(mr.description())
        .contains(
            "| frontend |",
            "`1.3.0` | `1.5.0`",
            "Promotion default/to-tst",
            "Promotion-Id: " + awaiting.getMetadata().getUid(),
            "# Changelog",
            "## tbd-test (1.3.0 → 1.5.0)",
            "add user dashboard",
            "add /api/info endpoint");

    gitlab.approve("1234", 1, "alice");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "mergeable"
                    .equals(get("to-tst").getStatus().getMergeRequest().getDetailedMergeStatus()));
    gitlab.merge("1234", 1);

    Promotion done = awaitPhase("to-tst", Phase.SUCCEEDED);
    String merged = gitlab.mergeRequests("1234").get(0).mergeCommitSha();
    assertThat(merged).isEqualTo(repo.head());
    assertThat(done.getStatus().getCommit()).isEqualTo(merged);
    assertThat(done.getStatus().getMergeRequest().getState()).isEqualTo("merged");
    assertThat(done.getStatus().getMergeRequest().getMergedCommit()).isEqualTo(merged);
    assertThat(gitlab.tags("1234"))
        .singleElement()
        .satisfies(t -> assertThat(t.sha()).isEqualTo(merged));
    assertThat(gitlab.releases("1234")).hasSize(1);
    assertThat(done.getStatus().getGitlab().getDeployments())
        .extracting(GitLabDeployment::project)
        .contains("1234");
    assertThat(gitlab.deployments("1234"))
        .singleElement()
        .satisfies(d -> assertThat(d.sha()).isEqualTo(merged));
    assertThat(done.getStatus().getWarnings()).isEmpty();
    assertThat(eventReasons("to-tst"))
        .contains("MergeRequestOpened", "MergeRequestChanged", "MergeRequestMerged");
    assertThat(gitlab.mergeRequests("1234")).hasSize(1);
  }

  @Test
  void aSquashedRequestLandsAsOneCommitAndTheRunGoesOnFromIt() {
    startOperator(
        new MergeRequestSettings(
            List.of("promotion"),
            List.of(),
            List.of(),
            true,
            true,
            false,
            false,
            null,
            FAST.pollInterval(),
            FAST.maxPollInterval()));
    String before = repo.head();
    create("squashed", "tbd-test", "DEV", "TST");
    awaitPhase("squashed", Phase.AWAITING_MERGE);
    gitlab.approve("1234", 1, "alice");
    gitlab.merge("1234", 1);

    Promotion done = awaitPhase("squashed", Phase.SUCCEEDED);
    String squash = gitlab.mergeRequests("1234").get(0).squashCommitSha();
    assertThat(squash).isEqualTo(repo.head());
    assertThat(repo.log().get(0).getParents()).extracting(c -> c.getName()).containsExactly(before);
    assertThat(done.getStatus().getCommit()).isEqualTo(squash);
    assertThat(done.getStatus().getChanges()).hasSize(2);
    assertThat(gitlab.tags("1234"))
        .singleElement()
        .satisfies(t -> assertThat(t.sha()).isEqualTo(squash));
    assertThat(gitlab.mergeRequests("1234").get(0).labels()).containsExactly("promotion");
  }

  @Test
  void anAutoMergeRequestLandsByItselfOnceApprovedAndThePromotionSucceeds() {
    startOperator(
        new MergeRequestSettings(
            List.of(),
            List.of(),
            List.of(),
            false,
            true,
            true,
            false,
            null,
            FAST.pollInterval(),
            FAST.maxPollInterval()));
    create("auto", "tbd-test", "DEV", "TST");
    awaitPhase("auto", Phase.AWAITING_MERGE);
    gitlab.approve("1234", 1, "alice");

    Promotion done = awaitPhase("auto", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit())
        .isEqualTo(gitlab.mergeRequests("1234").get(0).mergeCommitSha())
        .isEqualTo(repo.head());
  }

  @Test
  void aRequestClosedWithoutMergeFailsThePromotionAndNothingIsPromoted() {
    startOperator(FAST);
    String before = repo.head();
    create("closed", "tbd-test", "DEV", "TST");
    awaitPhase("closed", Phase.AWAITING_MERGE);
    gitlab.closeMergeRequest("1234", 1);

    Promotion failed = awaitPhase("closed", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("MergeRequestClosed");
    assertThat(failed.getStatus().getMergeRequest().getState()).isEqualTo("closed");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.tags("1234")).isEmpty();
    assertThat(gitlab.deployments("1234")).isEmpty();
  }

  @Test
  void aRequestNotMergedInTimeIsClosedItsBranchDeletedAndThePromotionFails() {
    startOperator(FAST.withTimeLimit(Duration.ofSeconds(3)));
    String before = repo.head();
    create("expired", "tbd-test", "DEV", "TST");
    Promotion awaiting = awaitPhase("expired", Phase.AWAITING_MERGE);
    assertThat(awaiting.getStatus().getMergeRequest().getDeadline()).isNotNull();

    Promotion failed = awaitPhase("expired", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("MergeRequestExpired");
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.state()).isEqualTo("closed");
              assertThat(mr.notes()).singleElement().asString().contains("time limit");
            });
    assertThat(repo.branchHead(awaiting.getStatus().getMergeRequest().getSourceBranch())).isNull();
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void aRestartWhileAwaitingOpensNoSecondRequestAndFollowsTheFirst() {
    startOperator(FAST);
    create("restarted", "tbd-test", "DEV", "TST");
    Promotion awaiting = awaitPhase("restarted", Phase.AWAITING_MERGE);
    harness.close();
    startOperator(FAST);
    gitlab.approve("1234", 1, "alice");
    gitlab.merge("1234", 1);

    Promotion done = awaitPhase("restarted", Phase.SUCCEEDED);
    assertThat(gitlab.mergeRequests("1234")).hasSize(1);
    assertThat(done.getStatus().getMergeRequest().getIid())
        .isEqualTo(awaiting.getStatus().getMergeRequest().getIid());
    assertThat(gitlab.tags("1234")).hasSize(1);
    assertThat(
            repo.log().stream()
                .filter(
                    c ->
                        c.getFullMessage()
                            .contains("Promotion-Id: " + done.getMetadata().getUid())))
        .hasSize(1);
  }

  @Test
  void deletingAPromotionAwaitingItsMergeClosesTheRequestAndDeletesItsBranch() {
    startOperator(FAST);
    String before = repo.head();
    create("deleted", "tbd-test", "DEV", "TST");
    Promotion awaiting = awaitPhase("deleted", Phase.AWAITING_MERGE);
    assertThat(awaiting.getMetadata().getFinalizers()).isNotEmpty();
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    assertThat(repo.branchHead(branch)).isNotNull();

    client.resource(awaiting).delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> get("deleted") == null);
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.state()).isEqualTo("closed");
              assertThat(mr.notes())
                  .singleElement()
                  .asString()
                  .contains("Promotion default/deleted was deleted");
            });
    assertThat(repo.branchHead(branch)).isNull();
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void deletingAPromotionBetweenItsRequestOpeningAndAwaitingMergeClosesTheRequestAndBranch() {
    startOperator(FAST);
    String before = repo.head();
    gitlab.onNext(
        "POST",
        "/projects/1234/merge_requests",
        () -> client.resources(Promotion.class).inNamespace("default").withName("window").delete());

    create("window", "tbd-test", "DEV", "TST");

    await().atMost(Duration.ofSeconds(30)).until(() -> get("window") == null);
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.state()).isEqualTo("closed");
              assertThat(mr.notes())
                  .singleElement()
                  .asString()
                  .contains("Promotion default/window was deleted");
              assertThat(repo.branchHead(mr.sourceBranch())).isNull();
            });
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void deletingAFinishedPromotionChangesNothingInGitOrGitLab() {
    startOperator(FAST);
    create("finished", "tbd-test", "DEV", "TST");
    awaitPhase("finished", Phase.AWAITING_MERGE);
    gitlab.approve("1234", 1, "alice");
    gitlab.merge("1234", 1);
    Promotion done = awaitPhase("finished", Phase.SUCCEEDED);
    String head = repo.head();
    int gitlabCalls = gitlab.requestLog().size();

    client.resource(done).delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> get("finished") == null);
    assertThat(gitlab.requestLog()).hasSize(gitlabCalls);
    assertThat(repo.head()).isEqualTo(head);
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(mr -> assertThat(mr.state()).isEqualTo("merged"));
  }

  @Test
  void requestsOfTwoGroupsIntoOneEnvironmentMergeOneAfterTheOther() {
    repo.commitAsSomeoneElse(
        "workloads/promote-state.yaml", STATE_WITH_BOTH_GROUPS_IN_STG, "seed the state file");
    startOperator(FAST);
    create("tbd-to-stg", "tbd-test", "TST", "STG");
    create("payments-to-stg", "payments", "TST", "STG");
    awaitPhase("tbd-to-stg", Phase.AWAITING_MERGE);
    awaitPhase("payments-to-stg", Phase.AWAITING_MERGE);
    assertThat(gitlab.mergeRequests("1234")).hasSize(2);
    for (FakeMergeRequest mr : gitlab.mergeRequests("1234")) {
      gitlab.approve("1234", mr.iid(), "alice");
    }

    gitlab.merge("1234", 1);
    assertThat(gitlab.detailedMergeStatus("1234", 2)).isEqualTo("mergeable");
    gitlab.merge("1234", 2);

    awaitPhase("tbd-to-stg", Phase.SUCCEEDED);
    awaitPhase("payments-to-stg", Phase.SUCCEEDED);
    String state = repo.read("workloads/promote-state.yaml");
    assertThat(state).contains("tbd-test-worker: 0.8.1", "tbd-test: 1.3.0", "payments-api: 2.3.0");
  }

  private static final String STATE_WITH_BOTH_GROUPS_IN_STG =
      """
      environments:
        STG:
          tbd-test:
            promotion:
              version: "1.2.0"
              source_env: "TST"
              target_env: "STG"
              created_at: "2026-01-01T00:00:00Z"
              created_by: "seed"
            pre_state:
              tbd-test:
                frontend:
                  tbd-test: "1.1.0"
            post_state:
              tbd-test:
                frontend:
                  tbd-test: "1.2.0"
          payments:
            promotion:
              version: "2.2.0"
              source_env: "TST"
              target_env: "STG"
              created_at: "2026-01-01T00:00:00Z"
              created_by: "seed"
            pre_state:
              payments:
                api:
                  payments-api: "2.1.0"
            post_state:
              payments:
                api:
                  payments-api: "2.2.0"
      """;
}
