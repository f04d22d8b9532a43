package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Promotion into STG gated by merge request on the real API server: the operator (as its
 * ServiceAccount, the GitLab token read from its Secret) pushes a review branch and opens the
 * request in the fake GitLab; {@code kubectl get promotions} shows AwaitingMerge with the request's
 * URL; the test approves and merges the request with real Git; the Promotion succeeds on the merged
 * commit. A newer Promotion of the group into STG supersedes an older one still awaiting its merge;
 * deleting one that awaits its merge withdraws its request. A PromotionRollback of STG goes through
 * a merge request the same way.
 */
@ExtendWith(RealControlPlane.class)
class MergeRequestE2E {
  private static final String FRONTEND_STG = "workloads/tbd-test/frontend/overlays/stg/values.yaml";
  private ControlPlane controlPlane;
  private String namespace;
  private FakeGitLabServer gitlab;
  private InProcessOperator operator;

  @BeforeEach
  void start(ControlPlane controlPlane, TestInfo test) throws Exception {
    this.controlPlane = controlPlane;
    namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(1234, "devops/argocd");
    gitlab.requireApprovals("1234", 1);
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addCommits("1331", "v1.2.0", "v1.3.0", "feat: add user dashboard");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addProject(1333, "tbd/worker");
    gitlab.addTag("1333", "v0.8.1", "0000000000000000000000000000000000001333");
    controlPlane
        .kubectl()
        .apply(
            ControlPlane.OPERATOR_NAMESPACE,
            """
        apiVersion: v1
        kind: Secret
        metadata:
          name: gitlab-token
        stringData:
          token: %s
        """
                .formatted(gitlab.token()))
        .orThrow();
    String repositoryExtra =
        "gitlab: {url: \""
            + gitlab.url()
            + "\", projectId: \"1234\", tokenSecret: gitlab-token}\n"
            + "    mergeRequest: {labels: [promotion], pollInterval: 1s, maxPollInterval: 2s}";
    String environments =
        """
        environments:
          - {name: DEV, dir: dev, tier: development}
          - {name: TST, dir: tst, tier: testing}
          - {name: STG, dir: stg, tier: staging, gate: mergeRequest}
          - {name: PRD, dir: prd, tier: production, gate: mergeRequest}
        """;
    operator =
        InProcessOperator.start(
            controlPlane,
            RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace),
            repositoryExtra,
            environments);
    gitlab.hostRepository("1234", operator.repository().bareDir());
  }

  @AfterEach
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    if (gitlab != null) {
      gitlab.close();
    }
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aPromotionIntoGatedStgAwaitsItsMergeRequestAndSucceedsOnceItIsMerged() {
    String head = operator.repository().head();
    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: tbd-test-tst-to-stg
        spec:
          workloadGroup: tbd-test
          sourceEnv: TST
          targetEnv: STG
          dryRun: false
        """)
        .orThrow();

    Promotion awaiting = awaitPromotion("tbd-test-tst-to-stg", Phase.AWAITING_MERGE);
    String url = awaiting.getStatus().getMergeRequest().getUrl();
    assertThat(url).isEqualTo(gitlab.url() + "/devops/argocd/-/merge_requests/1");
    assertThat(operator.repository().head()).as("nothing pushed to main yet").isEqualTo(head);
    KubectlTable table =
        KubectlTable.parse(
            controlPlane.kubectl().run("-n", namespace, "get", "promotions").orThrow().stdout());
    assertThat(table.header())
        .containsExactly(
            "NAME", "GROUP", "FROM", "TO", "VERSION", "PHASE", "COMMIT", "REQUEST", "AGE");
    assertThat(table.row("tbd-test-tst-to-stg"))
        .containsEntry("PHASE", "AwaitingMerge")
        .containsEntry("REQUEST", url)
        .containsEntry("COMMIT", awaiting.getStatus().getCommit().substring(0, 8));

    gitlab.approve("1234", 1, "release-manager");
    gitlab.merge("1234", 1);

    Promotion done = awaitPromotion("tbd-test-tst-to-stg", Phase.SUCCEEDED);
    String merged = gitlab.mergeRequests("1234").get(0).mergeCommitSha();
    assertThat(done.getStatus().getCommit())
        .isEqualTo(merged)
        .isEqualTo(operator.repository().head());
    assertThat(done.getStatus().getMergeRequest().getState()).isEqualTo("merged");
    assertThat(gitlab.deployments("1234"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.sha()).isEqualTo(merged);
              assertThat(d.environment()).isEqualTo("STG");
            });

    // The finalizer lets a finished Promotion go at once and touches nothing.
    int gitlabCalls = gitlab.requestLog().size();
    controlPlane
        .kubectl()
        .run("-n", namespace, "delete", "promotion", "tbd-test-tst-to-stg", "--timeout=30s")
        .orThrow();
    assertThat(gitlab.requestLog()).hasSize(gitlabCalls);
    assertThat(operator.repository().head()).isEqualTo(merged);
  }

  @Test
  void aRollbackOfGatedStgAwaitsItsMergeRequestAndSucceedsOnceItIsMerged() {
    String before = operator.repository().read(FRONTEND_STG);
    apply("promoted-to-stg");
    awaitPromotion("promoted-to-stg", Phase.AWAITING_MERGE);
    gitlab.approve("1234", 1, "release-manager");
    gitlab.merge("1234", 1);
    awaitPromotion("promoted-to-stg", Phase.SUCCEEDED);
    String promoted = operator.repository().head();
    assertThat(operator.repository().read(FRONTEND_STG)).isNotEqualTo(before);
    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: PromotionRollback
        metadata:
          name: undo-stg
        spec:
          promotionRef: {name: promoted-to-stg}
        """)
        .orThrow();

    PromotionRollback awaiting = awaitRollback("undo-stg", Phase.AWAITING_MERGE);
    String url = awaiting.getStatus().getMergeRequest().getUrl();
    assertThat(url).isEqualTo(gitlab.url() + "/devops/argocd/-/merge_requests/2");
    assertThat(awaiting.getStatus().getMergeRequest().getSourceBranch())
        .startsWith("rollback/stg/tbd-test/");
    assertThat(operator.repository().head()).as("nothing pushed to main yet").isEqualTo(promoted);
    KubectlTable table =
        KubectlTable.parse(
            controlPlane
                .kubectl()
                .run("-n", namespace, "get", "promotionrollbacks")
                .orThrow()
                .stdout());
    assertThat(table.header()).contains("PHASE", "REQUEST");
    assertThat(table.row("undo-stg"))
        .containsEntry("PHASE", "AwaitingMerge")
        .containsEntry("REQUEST", url)
        .containsEntry("ENV", "STG");

    gitlab.approve("1234", 2, "release-manager");
    gitlab.merge("1234", 2);

    PromotionRollback done = awaitRollback("undo-stg", Phase.SUCCEEDED);
    String merged = gitlab.mergeRequests("1234").get(1).mergeCommitSha();
    assertThat(done.getStatus().getCommit())
        .isEqualTo(merged)
        .isEqualTo(operator.repository().head());
    assertThat(done.getStatus().getMergeRequest().getState()).isEqualTo("merged");
    assertThat(operator.repository().read(FRONTEND_STG)).isEqualTo(before);
  }

  @Test
  void aNewerPromotionOfTheGroupIntoStgSupersedesTheRequestStillAwaitingItsMerge() {
    String head = operator.repository().head();
    apply("a-first-to-stg");
    Promotion older = awaitPromotion("a-first-to-stg", Phase.AWAITING_MERGE);
    String olderBranch = older.getStatus().getMergeRequest().getSourceBranch();
    apply("b-second-to-stg");

    Promotion newer = awaitPromotion("b-second-to-stg", Phase.AWAITING_MERGE);
    Promotion superseded = awaitPromotion("a-first-to-stg", Phase.FAILED);
    assertThat(newer.getStatus().getMergeRequest().getIid()).isEqualTo(2);
    assertThat(superseded.getStatus().getReason()).isEqualTo("Superseded");
    assertThat(superseded.getStatus().getMessage())
        .contains("Promotion " + namespace + "/b-second-to-stg");
    assertThat(gitlab.mergeRequests("1234").get(0).state()).isEqualTo("closed");
    assertThat(gitlab.mergeRequests("1234").get(0).notes())
        .singleElement()
        .asString()
        .contains(
            "!2", newer.getStatus().getMergeRequest().getUrl(), namespace + "/b-second-to-stg");
    assertThat(operator.repository().branchHead(olderBranch)).isNull();
    assertThat(gitlab.mergeRequests("1234").get(1).state()).isEqualTo("opened");

    gitlab.approve("1234", 2, "release-manager");
    gitlab.merge("1234", 2);
    Promotion done = awaitPromotion("b-second-to-stg", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit()).isEqualTo(operator.repository().head());
    assertThat(operator.repository().log().get(0).getParents())
        .extracting(c -> c.getName())
        .contains(head);
  }

  @Test
  void deletingAPromotionAwaitingItsMergeClosesTheRequestAndDeletesItsBranch() {
    String head = operator.repository().head();
    apply("deleted-while-awaiting");
    Promotion awaiting = awaitPromotion("deleted-while-awaiting", Phase.AWAITING_MERGE);
    String branch = awaiting.getStatus().getMergeRequest().getSourceBranch();
    assertThat(operator.repository().branchHead(branch)).isNotNull();

    controlPlane
        .kubectl()
        .run("-n", namespace, "delete", "promotion", "deleted-while-awaiting", "--timeout=60s")
        .orThrow();

    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.state()).isEqualTo("closed");
              assertThat(mr.notes()).singleElement().asString().contains("was deleted");
            });
    assertThat(operator.repository().branchHead(branch)).isNull();
    assertThat(operator.repository().head()).isEqualTo(head);
  }

  private void apply(String name) {
    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: %s
        spec:
          workloadGroup: tbd-test
          sourceEnv: TST
          targetEnv: STG
          dryRun: false
        """
                .formatted(name))
        .orThrow();
  }

  private PromotionRollback awaitRollback(String name, Phase phase) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                controlPlane
                    .admin()
                    .resources(PromotionRollback.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get(),
            r -> r != null && r.getStatus() != null && r.getStatus().getPhase() == phase);
  }

  private Promotion awaitPromotion(String name, Phase phase) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                controlPlane
                    .admin()
                    .resources(Promotion.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get(),
            p -> p != null && p.getStatus() != null && p.getStatus().getPhase() == phase);
  }
}
