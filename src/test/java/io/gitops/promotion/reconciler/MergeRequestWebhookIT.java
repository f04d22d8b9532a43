package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRef;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.gitlabhook.GitLabHookReceiver;
import io.gitops.promotion.gitlabhook.GitLabHookServer;
import io.gitops.promotion.gitlabhook.MergeRequestSignal;
import io.gitops.promotion.gitlabhook.ProjectRepositories;
import io.gitops.promotion.gitlabhook.SecretToken;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.testing.GitOpsRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitLab's webhook shortens the wait for a merge request: the operator polls only every ten
 * minutes, so a promotion that moves on within the test's half minute was woken by the hook.
 */
@EnableKubernetesMockClient(crud = true)
class MergeRequestWebhookIT {
  static KubernetesClient client;
  private static final Duration POLL = Duration.ofMinutes(10);
  private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(30);
  private static final String TOKEN = "hook-s3cret";
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private OperatorHarness harness;
  private GitLabHookServer hooks;
  private final List<MergeRequestSignal> signalled = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addExampleProjects(repo.bareDir());
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
            MergeRequestSettings.DEFAULT.withPolling(POLL, POLL));
    harness.mergeRequestSignals.onSignal(signalled::add);
    hooks =
        new GitLabHookServer(
                0,
                "/hooks/gitlab",
                new GitLabHookReceiver(
                    new SecretToken(() -> TOKEN),
                    new ProjectRepositories(Map.of("argocd", "1234")),
                    harness.mergeRequestSignals,
                    new PromotionMetrics(harness.registry)))
            .start();
  }

  @AfterEach
  void stop() {
    hooks.close();
    harness.close();
    gitlab.close();
    OperatorHarness.deleteRollbacks(client);
    OperatorHarness.deletePromotions(client);
    client.v1().events().inAnyNamespace().delete();
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

  private Promotion get(String name) {
    return client.resources(Promotion.class).inNamespace("default").withName(name).get();
  }

  private MergeRequestStatus awaitMergeRequest(String name) {
    await()
        .atMost(WELL_BEFORE_THE_POLL)
        .until(
            () ->
                get(name).getStatus() != null
                    && get(name).getStatus().getPhase() == Phase.AWAITING_MERGE);
    return get(name).getStatus().getMergeRequest();
  }

  private int post(String event, String token, String json) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + hooks.port() + "/hooks/gitlab"))
                .header("X-Gitlab-Event", event)
                .header("X-Gitlab-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A "Merge Request Hook" body as GitLab sends it, trimmed to what matters. */
  private static String mergeRequestEvent(MergeRequestStatus mr, String state, String action) {
    return """
        {"object_kind": "merge_request", "event_type": "merge_request",
         "user": {"id": 1, "username": "alice"},
         "project": {"id": 1234, "path_with_namespace": "devops/argocd"},
         "object_attributes": {"id": 501, "iid": %d, "source_branch": "%s",
           "target_branch": "main", "target_project_id": 1234, "state": "%s", "action": "%s"}}
        """
        .formatted(mr.getIid(), mr.getSourceBranch(), state, action);
  }

  @Test
  void aMergeHookMovesThePromotionOnLongBeforeItsNextPoll() throws Exception {
    create("hooked");
    MergeRequestStatus mr = awaitMergeRequest("hooked");
    gitlab.approve("1234", mr.getIid(), "alice");
    gitlab.merge("1234", mr.getIid());

    assertThat(
            post("Merge Request Hook", "not-the-token", mergeRequestEvent(mr, "merged", "merge")))
        .isEqualTo(401);
    assertThat(signalled).as("a hook with a wrong token wakes nothing").isEmpty();
    assertThat(get("hooked").getStatus().getPhase()).isEqualTo(Phase.AWAITING_MERGE);

    assertThat(post("Merge Request Hook", TOKEN, mergeRequestEvent(mr, "merged", "merge")))
        .isEqualTo(202);

    await()
        .atMost(WELL_BEFORE_THE_POLL)
        .untilAsserted(
            () ->
                assertThat(get("hooked").getStatus().getPhase())
                    .as("%s", get("hooked").getStatus().getMessage())
                    .isEqualTo(Phase.SUCCEEDED));
    String merged = gitlab.mergeRequests("1234").get(0).mergeCommitSha();
    assertThat(get("hooked").getStatus().getCommit()).isEqualTo(merged).isEqualTo(repo.head());
    assertThat(signalled).hasSize(1);
    assertThat(harness.registry.scrape())
        .contains(
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"accepted\"} 1",
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"unauthorized\"} 1");
  }

  @Test
  void aPipelineHookOfTheReviewBranchShowsTheNewApprovalAtOnce() throws Exception {
    create("approved");
    MergeRequestStatus mr = awaitMergeRequest("approved");
    assertThat(mr.getApprovalsGiven()).isZero();
    gitlab.approve("1234", mr.getIid(), "alice");

    String branchPipeline =
        """
        {"object_kind": "pipeline",
         "object_attributes": {"id": 77, "iid": 9, "ref": "%s", "tag": false, "status": "success"},
         "merge_request": null,
         "project": {"id": 1234, "path_with_namespace": "devops/argocd"}}
        """
            .formatted(mr.getSourceBranch());
    assertThat(post("Pipeline Hook", TOKEN, branchPipeline)).isEqualTo(202);

    await()
        .atMost(WELL_BEFORE_THE_POLL)
        .untilAsserted(
            () -> {
              MergeRequestStatus seen = get("approved").getStatus().getMergeRequest();
              assertThat(seen.getApprovalsGiven()).isEqualTo(1);
              assertThat(seen.getDetailedMergeStatus()).isEqualTo("mergeable");
            });
    assertThat(get("approved").getStatus().getPhase()).isEqualTo(Phase.AWAITING_MERGE);
  }

  @Test
  void aMergeHookMovesARollbackAwaitingItsMergeOnToo() throws Exception {
    String before = repo.read(FRONTEND_TST);
    create("hooked");
    MergeRequestStatus promoted = awaitMergeRequest("hooked");
    gitlab.approve("1234", promoted.getIid(), "alice");
    gitlab.merge("1234", promoted.getIid());
    assertThat(post("Merge Request Hook", TOKEN, mergeRequestEvent(promoted, "merged", "merge")))
        .isEqualTo(202);
    await()
        .atMost(WELL_BEFORE_THE_POLL)
        .until(() -> get("hooked").getStatus().getPhase() == Phase.SUCCEEDED);
    assertThat(repo.read(FRONTEND_TST)).isNotEqualTo(before);

    PromotionRollbackSpec spec = new PromotionRollbackSpec();
    spec.setPromotionRef(new PromotionRef("hooked"));
    PromotionRollback undo = new PromotionRollback();
    undo.setMetadata(new ObjectMetaBuilder().withName("undo").withNamespace("default").build());
    undo.setSpec(spec);
    client.resource(undo).create();
    await()
        .atMost(WELL_BEFORE_THE_POLL)
        .until(
            () ->
                rollback("undo").getStatus() != null
                    && rollback("undo").getStatus().getPhase() == Phase.AWAITING_MERGE);
    MergeRequestStatus mr = rollback("undo").getStatus().getMergeRequest();
    gitlab.approve("1234", mr.getIid(), "alice");
    gitlab.merge("1234", mr.getIid());
    assertThat(post("Merge Request Hook", TOKEN, mergeRequestEvent(mr, "merged", "merge")))
        .isEqualTo(202);

    await()
        .atMost(WELL_BEFORE_THE_POLL)
        .untilAsserted(
            () ->
                assertThat(rollback("undo").getStatus().getPhase())
                    .as("%s", rollback("undo").getStatus().getMessage())
                    .isEqualTo(Phase.SUCCEEDED));
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(before);
    assertThat(rollback("undo").getStatus().getCommit()).isEqualTo(repo.head());
  }

  private PromotionRollback rollback(String name) {
    return client.resources(PromotionRollback.class).inNamespace("default").withName(name).get();
  }
}
