package io.gitops.promotion.gitlabhook;

import static io.gitops.promotion.gitlabhook.HookPayloadTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.metrics.PromotionMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook endpoint over real HTTP: what it answers, what it publishes, what it counts. */
class GitLabHookServerIT {
  private static final String TOKEN = "hook-s3cret";
  private static final int MAX_BODY = 4096;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<MergeRequestSignal> published = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> secret = new AtomicReference<>(TOKEN);
  private final HttpClient http = HttpClient.newHttpClient();
  private GitLabHookServer server;

  @BeforeEach
  void start() {
    MergeRequestSignals signals = new MergeRequestSignals();
    signals.onSignal(published::add);
    server =
        new GitLabHookServer(
                0,
                "/hooks/gitlab",
                new GitLabHookReceiver(
                    new SecretToken(
                        () -> {
                          if (secret.get() == null) {
                            throw new IllegalStateException("Secret default/hook not found");
                          }
                          return secret.get();
                        }),
                    new ProjectRepositories(Map.of("argocd", "devops/argocd")),
                    signals,
                    new PromotionMetrics(registry),
                    PeerForwarding.NONE,
                    MAX_BODY))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String event, String token, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (event != null) {
      request.header("X-Gitlab-Event", event);
    }
    if (token != null) {
      request.header("X-Gitlab-Token", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String event, String token, byte[] body) throws Exception {
    return post("/hooks/gitlab", event, token, body);
  }

  private double counted(String event, String outcome) {
    Counter counter =
        registry
            .find("promotion_webhook_events")
            .tags("event", event, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aMergeRequestEventOfAConfiguredProjectIsAcceptedAndPublished() throws Exception {
    HttpResponse<String> response =
        post("Merge Request Hook", TOKEN, sample("merge-request-merged.json"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(published)
        .containsExactly(
            new MergeRequestSignal(
                "argocd",
                new MergeRequestRef(
                    "1234", "devops/argocd", 7L, "promotion/prd/tbd-test/1a2b3c4d")));
    assertThat(counted("merge_request", "accepted")).isEqualTo(1);
    assertThat(registry.scrape())
        .contains("promotion_webhook_events_total{event=\"merge_request\",outcome=\"accepted\"} 1");
  }

  @Test
  void pipelineAndCommentEventsOfTheRequestArePublishedToo() throws Exception {
    assertThat(post("Pipeline Hook", TOKEN, sample("pipeline-of-branch.json")).statusCode())
        .isEqualTo(202);
    assertThat(post("Note Hook", TOKEN, sample("note-on-merge-request.json")).statusCode())
        .isEqualTo(202);

    assertThat(published)
        .extracting(s -> s.mergeRequest().iid(), s -> s.mergeRequest().sourceBranch())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, "promotion/prd/tbd-test/1a2b3c4d"),
            org.assertj.core.groups.Tuple.tuple(7L, "promotion/prd/tbd-test/1a2b3c4d"));
    assertThat(counted("pipeline", "accepted")).isEqualTo(1);
    assertThat(counted("note", "accepted")).isEqualTo(1);
  }

  @Test
  void withoutOrWithAWrongTokenTheAnswerIs401AndNothingIsPublished() throws Exception {
    HttpResponse<String> missing =
        post("Merge Request Hook", null, sample("merge-request-merged.json"));
    HttpResponse<String> wrong =
        post("Merge Request Hook", "hook-s3creT", sample("merge-request-merged.json"));

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(TOKEN);
    assertThat(published).isEmpty();
    assertThat(counted("merge_request", "unauthorized")).isEqualTo(2);
  }

  @Test
  void aRotatedSecretIsUsedAtTheNextDeliveryAndAMissingOneRefusesAll() throws Exception {
    secret.set("rotated");
    assertThat(post("Merge Request Hook", TOKEN, sample("merge-request-merged.json")).statusCode())
        .isEqualTo(401);
    assertThat(
            post("Merge Request Hook", "rotated", sample("merge-request-merged.json")).statusCode())
        .isEqualTo(202);

    secret.set(null);

    assertThat(
            post("Merge Request Hook", "rotated", sample("merge-request-merged.json")).statusCode())
        .isEqualTo(503);
    assertThat(published).hasSize(1);
    assertThat(counted("merge_request", "unavailable")).isEqualTo(1);
  }

  @Test
  void badJsonIs400() throws Exception {
    HttpResponse<String> response =
        post("Merge Request Hook", TOKEN, "{\"object_kind\":".getBytes());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(published).isEmpty();
    assertThat(counted("merge_request", "invalid")).isEqualTo(1);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    byte[] large = new byte[MAX_BODY + 1];
    java.util.Arrays.fill(large, (byte) ' ');

    assertThat(post("Merge Request Hook", TOKEN, large).statusCode()).isEqualTo(413);
    assertThat(published).isEmpty();
    assertThat(counted("merge_request", "too_large")).isEqualTo(1);
  }

  @Test
  void unknownEventsAndRequestsOfOtherProjectsAreAnswered202AndIgnored() throws Exception {
    assertThat(post("Push Hook", TOKEN, "{\"object_kind\":\"push\"}".getBytes()).statusCode())
        .isEqualTo(202);
    assertThat(post(null, TOKEN, "{}".getBytes()).statusCode()).isEqualTo(202);
    String otherProject =
        new String(sample("merge-request-merged.json"))
            .replace("\"id\": 1234", "\"id\": 4321")
            .replace("\"target_project_id\": 1234", "\"target_project_id\": 4321")
            .replace("devops/argocd\"", "devops/other\"");
    assertThat(post("Merge Request Hook", TOKEN, otherProject.getBytes()).statusCode())
        .isEqualTo(202);

    assertThat(published).isEmpty();
    assertThat(counted("other", "ignored")).isEqualTo(2);
    assertThat(counted("merge_request", "ignored")).isEqualTo(1);
  }

  @Test
  void onlyPostsToTheConfiguredPathAreHandled() throws Exception {
    assertThat(
            post("/hooks/gitlabx", "Merge Request Hook", TOKEN, sample("merge-request-merged.json"))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/hooks/gitlab"))
                .header("X-Gitlab-Token", TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(400);
    assertThat(published).isEmpty();
  }
}
