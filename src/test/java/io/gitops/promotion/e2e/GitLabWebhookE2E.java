package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitLab's webhook on the real API server: the operator (as its ServiceAccount, the hook's token
 * read from the Secret deploy/rbac.yaml lets it read) polls its merge requests only every ten
 * minutes, so a Promotion into gated STG that succeeds within the test's wait after its request is
 * merged was woken by the hook; a hook with a wrong token is refused.
 */
@ExtendWith(RealControlPlane.class)
class GitLabWebhookE2E {
  private static final String TOKEN = "e2e-hook-token";
  private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(90);

  private ControlPlane controlPlane;
  private String namespace;
  private FakeGitLabServer gitlab;
  private InProcessOperator operator;
  private final HttpClient http = HttpClient.newHttpClient();

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
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: gitlab-webhook
        stringData:
          token: %s
        """
                .formatted(gitlab.token(), TOKEN))
        .orThrow();
    String repositoryExtra =
        "gitlab: {url: \""
            + gitlab.url()
            + "\", projectId: \"1234\", tokenSecret: gitlab-token}\n"
            + "    mergeRequest: {pollInterval: 10m, maxPollInterval: 10m}";
    String configurationExtra =
        """
        environments:
          - {name: DEV, dir: dev, tier: development}
          - {name: TST, dir: tst, tier: testing}
          - {name: STG, dir: stg, tier: staging, gate: mergeRequest}
          - {name: PRD, dir: prd, tier: production, gate: mergeRequest}
        webhook:
          port: %d
          path: /hooks/gitlab
          secretFrom: {name: gitlab-webhook, key: token}
        """
            .formatted(freePort());
    operator =
        InProcessOperator.start(
            controlPlane,
            RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace),
            repositoryExtra,
            configurationExtra);
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
    controlPlane
        .kubectl(
            "-n",
            ControlPlane.OPERATOR_NAMESPACE,
            "delete",
            "secret",
            "gitlab-webhook",
            "--ignore-not-found")
        .orThrow();
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aMergeHookTakesTheAwaitingPromotionToSucceededLongBeforeItsNextPoll() throws Exception {
    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: hooked-to-stg
        spec:
          workloadGroup: tbd-test
          sourceEnv: TST
          targetEnv: STG
          dryRun: false
        """)
        .orThrow();
    MergeRequestStatus mr =
        awaitPromotion("hooked-to-stg", Phase.AWAITING_MERGE).getStatus().getMergeRequest();
    gitlab.approve("1234", mr.getIid(), "release-manager");
    gitlab.merge("1234", mr.getIid());
    String event =
        """
        {"object_kind": "merge_request",
         "project": {"id": 1234, "path_with_namespace": "devops/argocd"},
         "object_attributes": {"iid": %d, "source_branch": "%s", "target_project_id": 1234,
           "state": "merged", "action": "merge"}}
        """
            .formatted(mr.getIid(), mr.getSourceBranch());

    assertThat(post("wrong-token", event)).isEqualTo(401);
    assertThat(post(TOKEN, event)).isEqualTo(202);

    Promotion done = awaitPromotion("hooked-to-stg", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit())
        .isEqualTo(gitlab.mergeRequests("1234").get(0).mergeCommitSha())
        .isEqualTo(operator.repository().head());
    String metrics =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + operator.httpPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains(
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"accepted\"} 1",
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"unauthorized\"} 1");
  }

  private int post(String token, String json) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + operator.webhookPort() + "/hooks/gitlab"))
                .header("X-Gitlab-Event", "Merge Request Hook")
                .header("X-Gitlab-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private Promotion awaitPromotion(String name, Phase phase) {
    return await()
        .atMost(WELL_BEFORE_THE_POLL)
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
