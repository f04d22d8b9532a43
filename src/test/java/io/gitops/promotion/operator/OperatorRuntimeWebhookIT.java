package io.gitops.promotion.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.OperatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator as production wires it, with {@code webhook} configured: the endpoint listens on its
 * own port, reads its token from the configured Secret and counts into the operator's metrics.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorRuntimeWebhookIT {
  static KubernetesClient client;
  private static final String EVENT =
      """
      {"object_kind": "merge_request",
       "project": {"id": 1234, "path_with_namespace": "devops/argocd"},
       "object_attributes": {"iid": 3, "source_branch": "promotion/prd/shop/1a2b3c4d",
         "target_project_id": 1234, "state": "merged", "action": "merge"}}
      """;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private OperatorRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    client.secrets().inAnyNamespace().delete();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OperatorConfig config(int httpPort, int webhookPort) {
    return new ConfigLoader()
        .parse(
            """
            repositories:
              - name: argocd
                url: https://git.example.com/devops/argocd.git
                gitlab: {url: "http://localhost:1", projectId: "1234", tokenSecret: gitlab-token}
            git: {cacheDir: "%s"}
            httpPort: %d
            leaderElection: {enabled: false}
            webhook:
              port: %d
              path: /hooks/gitlab
              secretFrom: {name: gitlab-webhook, key: token}
            """
                .formatted(dir.resolve("cache"), httpPort, webhookPort),
            "operator.yaml");
  }

  private int post(int port, String token) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hooks/gitlab"))
                .header("X-Gitlab-Event", "Merge Request Hook")
                .header("X-Gitlab-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(EVENT))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void theConfiguredEndpointTakesItsTokenFromTheSecretAndCountsIntoTheMetrics() throws Exception {
    runtime =
        OperatorRuntime.start(
            config(freePort(), freePort()), client, Clock.systemUTC(), "replica-1");
    int port = runtime.webhookPort();

    assertThat(post(port, "s3cret")).as("no Secret yet").isEqualTo(503);
    client
        .secrets()
        .inNamespace(client.getNamespace() == null ? "default" : client.getNamespace())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("gitlab-webhook")
                .endMetadata()
                .withStringData(Map.of("token", "s3cret\n"))
                .build())
        .create();
    assertThat(post(port, "wrong")).isEqualTo(401);
    assertThat(post(port, "s3cret")).isEqualTo(202);

    String metrics =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + runtime.httpPort() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains(
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"unavailable\"} 1",
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"unauthorized\"} 1",
            "promotion_webhook_events_total{event=\"merge_request\",outcome=\"accepted\"} 1");
  }

  @Test
  void withoutTheBlockThereIsNoEndpoint() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                """
                repositories: [{name: argocd, url: https://git.example.com/devops/argocd.git}]
                git: {cacheDir: "%s"}
                httpPort: %d
                leaderElection: {enabled: false}
                """
                    .formatted(dir.resolve("cache"), freePort()),
                "operator.yaml");

    runtime = OperatorRuntime.start(config, client, Clock.systemUTC(), "replica-1");

    assertThat(runtime.webhookPort()).isEqualTo(-1);
  }
}
