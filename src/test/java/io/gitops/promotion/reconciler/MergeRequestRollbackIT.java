package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRef;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
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
import java.util.function.Consumer;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PromotionRollbacks into an environment gated by merge request (TST), run by the operator against
 * the fake GitLab's merge request API over real HTTP and a real Git repository it merges in. Each
 * test first promotes tbd-test DEV -> TST through its own merge request (!1), then rolls it back.
 */
@EnableKubernetesMockClient(crud = true)
class MergeRequestRollbackIT {
  static KubernetesClient client;
  private static final MergeRequestSettings FAST =
      MergeRequestSettings.DEFAULT.withPolling(Duration.ofMillis(200), Duration.ofMillis(400));
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private OperatorHarness harness;
  private String frontendBefore;
  private String promoted;

  @BeforeEach
  void promoteThroughARequest() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    frontendBefore = repo.read(FRONTEND_TST);
    gitlab = FakeGitLabServer.start();
    gitlab.addExampleProjects(repo.bareDir());
    gitlab.requireApprovals("1234", 1);
    startOperator();
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup("tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName("dev-to-tst").withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> gitlab.mergeRequests("1234").size() == 1);
    gitlab.approve("1234", 1, "alice");
    gitlab.merge("1234", 1);
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
    promoted = repo.head();
    assertThat(repo.read(FRONTEND_TST)).isNotEqualTo(frontendBefore);
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    gitlab.close();
    OperatorHarness.deleteRollbacks(client);
    OperatorHarness.deletePromotions(client);
    client.v1().events().inAnyNamespace().delete();
  }

  private void startOperator() {
    startOperator(FAST);
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
            MergeRequestPromotionIT.gatedCatalog(),
            settings);
  }

  private void createRollback(String name, Consumer<PromotionRollbackSpec> spec) {
    PromotionRollbackSpec s = new PromotionRollbackSpec();
    s.setPromotionRef(new PromotionRef("dev-to-tst"));
    spec.accept(s);
    PromotionRollback r = new PromotionRollback();
    r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    r.setSpec(s);
    client.resource(r).create();
  }

  private PromotionRollback get(String name) {
    return client.resources(PromotionRollback.class).inNamespace("default").withName(name).get();
  }

  private PromotionRollback awaitPhase(String name, Phase phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              PromotionRollback r = get(name);
              assertThat(r.getStatus()).isNotNull();
              assertThat(r.getStatus().getPhase())
                  .as("%s: %s", r.getStatus().getReason(), r.getStatus().getMessage())
                  .isEqualTo(phase);
            });
    return get(name);
  }

  private List<Event> events(String name) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(name))
        .toList();
  }

  private FakeMergeRequest rollbackRequest() {
    assertThat(gitlab.mergeRequests("1234")).hasSize(2);
    return gitlab.mergeRequests("1234").get(1);
  }

  @Test
  void aRollbackIntoAGatedEnvironmentGoesThroughAMergeRequestAndRestoresOnceMerged() {
    createRollback("undo", s -> {});

    PromotionRollback awaiting = awaitPhase("undo", Phase.AWAITING_MERGE);
    assertThat(repo.head()).as("nothing pushed to main").isEqualTo(promoted);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    assertThat(branch).matches("rollback/tst/tbd-test/[0-9a-f]{8}");
    assertThat(repo.branchHead(branch)).isEqualTo(awaiting.getStatus().getCommit());
    assertThat(awaiting.getStatus().getMergeRequest().getIid()).isEqualTo(2);
    assertThat(awaiting.getStatus().getMergeRequest().getUrl())
        .endsWith("/devops/argocd/-/merge_requests/2");
    assertThat(awaiting.getStatus().getMergeRequest().getDetailedMergeStatus())
        .isEqualTo("not_approved");
    assertThat(awaiting.getStatus().getReason()).isEqualTo("AwaitingMerge");
    assertThat(awaiting.getMetadata().getFinalizers()).isNotEmpty();
    FakeMergeRequest mr = rollbackRequest();
    assertThat(mr.sourceBranch()).isEqualTo(branch);
    assertThat(mr.title()).startsWith("Roll back tbd-test [TST]");
    assertThat(mr.description())
        .contains(
            "| frontend | tbd-test | `1.5.0` | `1.3.0` |",
            "Opened by promotion-operator for PromotionRollback default/undo.",
            "Rollback-Id: " + awaiting.getMetadata().getUid());

    gitlab.approve("1234", 2, "alice");
    gitlab.merge("1234", 2);

    PromotionRollback done = awaitPhase("undo", Phase.SUCCEEDED);
    String merged = rollbackRequest().mergeCommitSha();
    assertThat(merged).isEqualTo(repo.head());
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(frontendBefore);
    assertThat(done.getStatus().getCommit()).isEqualTo(merged);
    assertThat(done.getStatus().getMergeRequest().getState()).isEqualTo("merged");
    assertThat(done.getStatus().getMergeRequest().getMergedCommit()).isEqualTo(merged);
    assertThat(done.getStatus().getRestored()).isNotEmpty();
    assertThat(done.getStatus().getEmergency()).isNull();
    assertThat(Conditions.isTrue(done.getStatus().getConditions(), Conditions.MERGED)).isTrue();
    assertThat(gitlab.deployments("1234"))
        .filteredOn(d -> d.sha().equals(merged))
        .as("the restored versions' deployment, on the merged commit")
        .isNotEmpty();
    assertThat(events("undo"))
        .extracting(Event::getReason)
        .contains("MergeRequestOpened", "MergeRequestMerged");
  }

  @Test
  void aRollbackRequestClosedWithoutMergeFailsAndRestoresNothing() {
    createRollback("closed", s -> {});
    awaitPhase("closed", Phase.AWAITING_MERGE);
    gitlab.closeMergeRequest("1234", 2);

    PromotionRollback failed = awaitPhase("closed", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("MergeRequestClosed");
    assertThat(failed.getStatus().getMessage()).contains("nothing was rolled back");
    assertThat(repo.head()).isEqualTo(promoted);
  }

  @Test
  void aRollbackRequestNotMergedInTimeIsClosedItsBranchDeletedAndTheRollbackFails() {
    harness.close();
    startOperator(FAST.withTimeLimit(Duration.ofSeconds(3)));
    createRollback("expired", s -> {});
    PromotionRollback awaiting = awaitPhase("expired", Phase.AWAITING_MERGE);
    assertThat(awaiting.getStatus().getMergeRequest().getDeadline()).isNotNull();

    PromotionRollback failed = awaitPhase("expired", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("MergeRequestExpired");
    assertThat(rollbackRequest().state()).isEqualTo("closed");
    assertThat(rollbackRequest().notes())
        .singleElement()
        .asString()
        .contains("time limit of PromotionRollback default/expired");
    assertThat(repo.branchHead(awaiting.getStatus().getMergeRequest().getSourceBranch())).isNull();
    assertThat(repo.head()).isEqualTo(promoted);
  }

  @Test
  void aRestartWhileAwaitingOpensNoSecondRequestAndFollowsTheFirst() {
    createRollback("restarted", s -> {});
    PromotionRollback awaiting = awaitPhase("restarted", Phase.AWAITING_MERGE);
    harness.close();
    startOperator();
    gitlab.approve("1234", 2, "alice");
    gitlab.merge("1234", 2);

    PromotionRollback done = awaitPhase("restarted", Phase.SUCCEEDED);
    assertThat(gitlab.mergeRequests("1234")).hasSize(2);
    assertThat(done.getStatus().getMergeRequest().getIid())
        .isEqualTo(awaiting.getStatus().getMergeRequest().getIid());
    assertThat(
            repo.log().stream()
                .filter(
                    c ->
                        c.getFullMessage().contains("Rollback-Id: " + done.getMetadata().getUid())))
        .hasSize(1);
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(frontendBefore);
  }

  @Test
  void aRollbackAwaitingItsMergeFollowsItsRequestToTheEndWhenItsPromotionIsDeleted() {
    createRollback("orphan", s -> {});
    PromotionRollback awaiting = awaitPhase("orphan", Phase.AWAITING_MERGE);
    assertThat(awaiting.getStatus().getRepository()).isEqualTo("argocd");
    client.resources(Promotion.class).inNamespace("default").withName("dev-to-tst").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                        .resources(Promotion.class)
                        .inNamespace("default")
                        .withName("dev-to-tst")
                        .get()
                    == null);
    gitlab.approve("1234", 2, "alice");
    gitlab.merge("1234", 2);

    PromotionRollback done = awaitPhase("orphan", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit()).isEqualTo(rollbackRequest().mergeCommitSha());
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(frontendBefore);
  }

  @Test
  void deletingARollbackAwaitingItsMergeClosesTheRequestAndDeletesItsBranch() {
    createRollback("deleted", s -> {});
    PromotionRollback awaiting = awaitPhase("deleted", Phase.AWAITING_MERGE);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    assertThat(repo.branchHead(branch)).isNotNull();

    client.resource(awaiting).delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> get("deleted") == null);
    assertThat(rollbackRequest().state()).isEqualTo("closed");
    assertThat(rollbackRequest().notes())
        .singleElement()
        .asString()
        .contains("PromotionRollback default/deleted was deleted");
    assertThat(repo.branchHead(branch)).isNull();
    assertThat(repo.head()).isEqualTo(promoted);
  }

  @Test
  void deletingARollbackBetweenItsRequestOpeningAndAwaitingMergeClosesTheRequestAndBranch() {
    gitlab.onNext(
        "POST",
        "/projects/1234/merge_requests",
        () ->
            client
                .resources(PromotionRollback.class)
                .inNamespace("default")
                .withName("window")
                .delete());

    createRollback("window", s -> {});

    await().atMost(Duration.ofSeconds(30)).until(() -> get("window") == null);
    assertThat(rollbackRequest().state()).isEqualTo("closed");
    assertThat(rollbackRequest().notes())
        .singleElement()
        .asString()
        .contains("PromotionRollback default/window was deleted");
    assertThat(repo.branchHead(rollbackRequest().sourceBranch())).isNull();
    assertThat(repo.head()).isEqualTo(promoted);
  }

  @Test
  void anEmergencyRollbackIsPushedDirectlyWithItsReasonInTheForcedTrailerAndAWarning() {
    createRollback(
        "emergency",
        s -> {
          s.setEmergency(true);
          s.setReason("checkout is down, INC-4711");
        });

    PromotionRollback done = awaitPhase("emergency", Phase.SUCCEEDED);
    assertThat(gitlab.mergeRequests("1234")).as("no merge request").hasSize(1);
    RevCommit head = repo.log().get(0);
    assertThat(head.getName()).isEqualTo(done.getStatus().getCommit());
    assertThat(head.getParents()).extracting(RevCommit::getName).containsExactly(promoted);
    assertThat(head.getShortMessage()).endsWith("(EMERGENCY)");
    assertThat(head.getFullMessage()).contains("\nForced: checkout is down, INC-4711\n");
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(frontendBefore);
    assertThat(done.getStatus().getEmergency()).isTrue();
    assertThat(done.getStatus().getMergeRequest()).isNull();
    assertThat(events("emergency"))
        .filteredOn(e -> e.getReason().equals("EmergencyRollback"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage())
                  .contains("bypassing the merge request gate of TST", "INC-4711");
            });
  }

  @Test
  void anEmergencyRollbackWithoutAReasonFailsAndWritesNothing() {
    createRollback("no-reason", s -> s.setEmergency(true));

    PromotionRollback failed = awaitPhase("no-reason", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("ReasonRequired");
    assertThat(failed.getStatus().getMessage()).contains("emergency rollback needs a reason");
    assertThat(repo.head()).isEqualTo(promoted);
    assertThat(gitlab.mergeRequests("1234")).hasSize(1);
    assertThat(events("no-reason"))
        .extracting(Event::getReason)
        .doesNotContain("EmergencyRollback");
  }
}
