package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
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
import java.util.function.Predicate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The branch moves under an open merge request: the operator plans the promotion again on the new
 * head and replaces its own review branch (same request), never a branch holding someone else's
 * commit; requests of two groups into one environment merge one after the other even when neither
 * group has a state entry yet.
 */
@EnableKubernetesMockClient(crud = true)
class MergeRequestReplanIT {
  static KubernetesClient client;
  private static final MergeRequestSettings FAST =
      MergeRequestSettings.DEFAULT.withPolling(Duration.ofMillis(200), Duration.ofMillis(400));
  private static final String STATE = "workloads/promote-state.yaml";

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
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addProject(1333, "tbd/worker");
    gitlab.addProject(2001, "payments/api");
    gitlab.requireApprovals("1234", 1);
    harness =
        new OperatorHarness(
            client,
            repo.fileUrl(),
            dir.resolve("cache"),
            new GitLabTarget(gitlab.url(), "1234", gitlab.token()),
            Clock.systemUTC(),
            Gates.none(),
            MergeRequestPromotionIT.gatedCatalog(),
            FAST);
  }

  @AfterEach
  void stop() {
    harness.close();
    gitlab.close();
    OperatorHarness.deletePromotions(client);
    client.v1().events().inAnyNamespace().delete();
  }

  @Test
  void aConflictIsPlannedAgainOnTheNewHeadAndTheSameRequestMerges() {
    create("moved", "tbd-test");
    Promotion awaiting = awaitPhase("moved", Phase.AWAITING_MERGE);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    String first = awaiting.getStatus().getCommit();

    String moved = repo.commitAsSomeoneElse(STATE, PAYMENTS_IN_STG, "record payments by hand");

    Promotion replanned =
        awaitMergeRequest("moved", mr -> Integer.valueOf(1).equals(mr.getReplans()));
    String second = replanned.getStatus().getCommit();
    assertThat(second).isNotEqualTo(first).isEqualTo(repo.branchHead(branch));
    RevCommit onBranch = commit(second);
    assertThat(onBranch.getParents()).extracting(RevCommit::getName).containsExactly(moved);
    assertThat(onBranch.getFullMessage())
        .contains("Promotion-Id: " + awaiting.getMetadata().getUid());
    assertThat(replanned.getStatus().getMergeRequest().getIid()).isEqualTo(1);
    assertThat(replanned.getStatus().getPhase()).isEqualTo(Phase.AWAITING_MERGE);
    assertThat(eventReasons("moved")).contains("MergeRequestReplanned");
    assertThat(gitlab.mergeRequests("1234").get(0).description())
        .as("TST is no release source: no changelog")
        .contains("| frontend |")
        .doesNotContain("# Changelog");

    gitlab.approve("1234", 1, "alice");
    awaitMergeRequest("moved", mr -> "mergeable".equals(mr.getDetailedMergeStatus()));
    gitlab.merge("1234", 1);

    Promotion done = awaitPhase("moved", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit()).isEqualTo(repo.head());
    assertThat(done.getStatus().getMergeRequest().getReplans()).isEqualTo(1);
    assertThat(gitlab.mergeRequests("1234")).hasSize(1);
    assertThat(repo.read(STATE)).contains("payments-api: \"2.2.0\"", "tbd-test:");
    assertThat(
            repo.log().stream()
                .filter(c -> c.getFullMessage().contains("Promotion-Id: " + uid(done)))
                .map(RevCommit::getName))
        .containsExactly(second);
  }

  @Test
  void aReplanWhosePlanChangedRetitlesAndRedescribesTheSameRequest() {
    String frontendStg = "workloads/tbd-test/frontend/overlays/stg/values.yaml";
    create("retold", "tbd-test");
    awaitPhase("retold", Phase.AWAITING_MERGE);
    FakeMergeRequest opened = gitlab.mergeRequests("1234").get(0);
    String openedTitle = opened.title();
    String openedDescription = opened.description();
    assertThat(openedDescription).contains("1.2.0").doesNotContain("1.2.5");

    repo.commitAsSomeoneElse(
        frontendStg,
        repo.read(frontendStg).replace("tag: \"1.2.0\"", "tag: \"1.2.5\""),
        "hotfix STG by hand");

    awaitMergeRequest("retold", mr -> Integer.valueOf(1).equals(mr.getReplans()));
    FakeMergeRequest retold = gitlab.mergeRequests("1234").get(0);
    assertThat(gitlab.mergeRequests("1234")).hasSize(1);
    assertThat(retold.iid()).isEqualTo(1);
    assertThat(retold.description())
        .as("the table shows the new plan: frontend from the hand-set 1.2.5")
        .isNotEqualTo(openedDescription)
        .contains("| frontend | tbd-test | `1.2.5` | `1.3.0` |");
    assertThat(openedTitle).isEqualTo("Promote [TST] v1.3.0 -> [STG] v1.2.0");
    assertThat(retold.title()).isEqualTo("Promote [TST] v1.3.0 -> [STG] v1.2.5");
  }

  @Test
  void aBranchThatNeedsARebaseIsPlannedAgainOnTopOfTheNewHead() {
    gitlab.mergeMethod("1234", "ff");
    create("behind", "tbd-test");
    Promotion awaiting = awaitPhase("behind", Phase.AWAITING_MERGE);

    String moved = repo.commitAsSomeoneElse("README.md", "someone else's change\n", "docs");

    Promotion replanned =
        awaitMergeRequest("behind", mr -> Integer.valueOf(1).equals(mr.getReplans()));
    assertThat(commit(replanned.getStatus().getCommit()).getParents())
        .extracting(RevCommit::getName)
        .containsExactly(moved);
    gitlab.approve("1234", 1, "alice");
    awaitMergeRequest("behind", mr -> "mergeable".equals(mr.getDetailedMergeStatus()));
    gitlab.merge("1234", 1);

    Promotion done = awaitPhase("behind", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit())
        .isEqualTo(replanned.getStatus().getCommit())
        .isEqualTo(repo.head());
    assertThat(awaiting.getStatus().getCommit()).isNotEqualTo(repo.head());
  }

  @Test
  void aHumansCommitOnTheReviewBranchIsNeverOverwrittenAndThePromotionWaits() {
    create("touched", "tbd-test");
    Promotion awaiting = awaitPhase("touched", Phase.AWAITING_MERGE);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    String human =
        repo.commitOnBranch(branch, "workloads/tbd-test/NOTES.md", "reviewed\n", "a note");
    repo.commitAsSomeoneElse(STATE, PAYMENTS_IN_STG, "record payments by hand");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> eventReasons("touched").contains("ReviewBranchChanged"));
    Promotion held = get("touched");
    assertThat(held.getStatus().getPhase()).isEqualTo(Phase.AWAITING_MERGE);
    assertThat(held.getStatus().getMessage()).contains("not overwritten", human);
    assertThat(held.getStatus().getMergeRequest().getReplans()).isNull();
    assertThat(held.getStatus().getMergeRequest().getDetailedMergeStatus()).isEqualTo("conflict");
    assertThat(repo.branchHead(branch)).isEqualTo(human);
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(mr -> assertThat(mr.state()).isEqualTo("opened"));
  }

  @Test
  void requestsOfTwoNewGroupsIntoOneEnvironmentMergeOneAfterTheOther() {
    create("tbd-to-stg", "tbd-test");
    create("payments-to-stg", "payments");
    long tbd =
        awaitPhase("tbd-to-stg", Phase.AWAITING_MERGE).getStatus().getMergeRequest().getIid();
    long payments =
        awaitPhase("payments-to-stg", Phase.AWAITING_MERGE).getStatus().getMergeRequest().getIid();
    assertThat(repo.read(STATE)).as("neither group has a state entry yet").isNull();
    gitlab.approve("1234", tbd, "alice");
    gitlab.approve("1234", payments, "alice");

    gitlab.merge("1234", tbd);
    assertThat(gitlab.detailedMergeStatus("1234", payments)).isEqualTo("conflict");
    awaitMergeRequest(
        "payments-to-stg",
        mr ->
            Integer.valueOf(1).equals(mr.getReplans())
                && "mergeable".equals(mr.getDetailedMergeStatus()));
    gitlab.merge("1234", payments);

    awaitPhase("tbd-to-stg", Phase.SUCCEEDED);
    awaitPhase("payments-to-stg", Phase.SUCCEEDED);
    assertThat(get("tbd-to-stg").getStatus().getMergeRequest().getReplans()).isNull();
    assertThat(repo.read(STATE)).contains("tbd-test-worker: 0.8.1", "payments-api: 2.3.0");
    assertThat(gitlab.mergeRequests("1234"))
        .extracting(FakeMergeRequest::state)
        .containsExactly("merged", "merged");
  }

  @Test
  void aReplanWithNothingLeftToChangeClosesTheRequestAndSucceeds() {
    create("overtaken", "payments");
    Promotion awaiting = awaitPhase("overtaken", Phase.AWAITING_MERGE);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    String overlay = "workloads/payments/api/overlays/stg/values.yaml";
    repo.commitAsSomeoneElse(
        overlay, repo.read(overlay).replace("tag: \"2.2.0\"", "tag: \"2.3.0\""), "by hand");
    String moved = repo.commitAsSomeoneElse(STATE, PAYMENTS_IN_STG, "record payments by hand");

    Promotion done = awaitPhase("overtaken", Phase.SUCCEEDED);
    assertThat(done.getStatus().getReason()).isEqualTo("Succeeded");
    assertThat(done.getStatus().getMessage()).contains("nothing to promote");
    assertThat(done.getStatus().getMergeRequest().getState()).isEqualTo("closed");
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.state()).isEqualTo("closed");
              assertThat(mr.notes()).singleElement().asString().contains("nothing is left");
            });
    assertThat(repo.branchHead(branch)).isNull();
    assertThat(repo.head()).isEqualTo(moved);
    assertThat(eventReasons("overtaken")).contains("MergeRequestClosed");
  }

  @Test
  void anApprovedPreviewWhosePlanChangedOnTheNewHeadClosesTheRequestAndFails() {
    create("previewed", "tbd-test", true);
    awaitPhase("previewed", Phase.PREVIEWED);
    client
        .resources(Promotion.class)
        .inNamespace("default")
        .withName("previewed")
        .edit(
            p -> {
              p.getSpec().setDryRun(false);
              return p;
            });
    Promotion awaiting = awaitPhase("previewed", Phase.AWAITING_MERGE);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    String overlay = "workloads/tbd-test/frontend/overlays/stg/values.yaml";
    String moved =
        repo.commitAsSomeoneElse(
            overlay, repo.read(overlay).replace("tag: \"1.2.0\"", "tag: \"1.2.5\""), "hotfix");

    Promotion failed = awaitPhase("previewed", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("PlanChanged");
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.state()).isEqualTo("closed");
              assertThat(mr.notes()).singleElement().asString().contains("refused");
            });
    assertThat(repo.branchHead(branch)).isNull();
    assertThat(repo.head()).isEqualTo(moved);
  }

  private void create(String name, String group) {
    create(name, group, false);
  }

  private void create(String name, String group, boolean dryRun) {
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup(group);
    spec.setSourceEnv("TST");
    spec.setTargetEnv("STG");
    spec.setDryRun(dryRun);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
  }

  private Promotion get(String name) {
    return client.resources(Promotion.class).inNamespace("default").withName(name).get();
  }

  private static String uid(Promotion p) {
    return p.getMetadata().getUid();
  }

  private RevCommit commit(String id) {
    return repo.commit(id);
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

  private Promotion awaitMergeRequest(String name, Predicate<MergeRequestStatus> seen) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Promotion p = get(name);
              return p.getStatus() != null
                  && p.getStatus().getMergeRequest() != null
                  && seen.test(p.getStatus().getMergeRequest());
            });
    return get(name);
  }

  private List<String> eventReasons(String name) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(name))
        .map(Event::getReason)
        .toList();
  }

  private static final String PAYMENTS_IN_STG =
      """
      environments:
        STG:
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
