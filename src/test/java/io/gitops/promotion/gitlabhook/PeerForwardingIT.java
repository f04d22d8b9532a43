package io.gitops.promotion.gitlabhook;

import static io.gitops.promotion.gitlabhook.HookPayloadTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' webhook endpoints over real HTTP, each passing what it accepts on to the other: a
 * delivery reaches both, and a passed-on one goes no further.
 */
class PeerForwardingIT {
  private static final String TOKEN = "hook-s3cret";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Replica a = new Replica();
  private final Replica b = new Replica();

  /** One replica: its endpoint, what it was told, and where its peer is. */
  private static final class Replica {
    final List<Long> signalled = new CopyOnWriteArrayList<>();
    final List<HookOutcome> outcomes = new CopyOnWriteArrayList<>();
    final AtomicReference<URI> peer = new AtomicReference<>();
    GitLabHookServer server;

    void start() {
      MergeRequestSignals signals = new MergeRequestSignals();
      signals.onSignal(s -> signalled.add(s.mergeRequest().iid()));
      server =
          new GitLabHookServer(
                  0,
                  "/hooks/gitlab",
                  new GitLabHookReceiver(
                      new SecretToken(() -> TOKEN),
                      new ProjectRepositories(Map.of("argocd", "1234")),
                      signals,
                      (kind, outcome) -> outcomes.add(outcome),
                      new PeerForwarding(() -> List.of(peer.get())),
                      GitLabHookReceiver.MAX_BODY))
              .start();
    }

    URI uri() {
      return URI.create("http://localhost:" + server.port() + "/hooks/gitlab");
    }
  }

  @BeforeEach
  void start() {
    a.start();
    b.start();
    a.peer.set(b.uri());
    b.peer.set(a.uri());
  }

  @AfterEach
  void stop() {
    a.server.close();
    b.server.close();
  }

  private int post(Replica to, String token, long iid) throws Exception {
    String body =
        new String(sample("merge-request-merged.json")).replace("\"iid\": 7", "\"iid\": " + iid);
    return http.send(
            HttpRequest.newBuilder(to.uri())
                .header("X-Gitlab-Event", "Merge Request Hook")
                .header("X-Gitlab-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void anAcceptedDeliveryReachesTheOtherReplicaAndGoesNoFurther() throws Exception {
    assertThat(post(a, TOKEN, 1)).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> b.signalled.contains(1L));

    assertThat(post(b, TOKEN, 2)).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> a.signalled.contains(2L));

    // b passed on 1 (had it bounced) before it received 2, and a publishes before it answers.
    assertThat(a.signalled).containsExactly(1L, 2L);
    assertThat(b.signalled).containsExactly(1L, 2L);
  }

  @Test
  void aRefusedDeliveryIsNotPassedOn() throws Exception {
    assertThat(post(a, "wrong", 3)).isEqualTo(401);
    assertThat(post(a, TOKEN, 4)).isEqualTo(202);

    await().atMost(Duration.ofSeconds(10)).until(() -> b.signalled.contains(4L));
    assertThat(b.outcomes).as("b saw only the accepted one").containsExactly(HookOutcome.ACCEPTED);
  }

  @Test
  void theReplicasOwnAddressesAreNoPeersAndAnUnknownNameIsAnError() {
    assertThat(new PeerAddresses("localhost", 8081, "/hooks/gitlab").get()).isEmpty();
    assertThatThrownBy(() -> new PeerAddresses("no-such-host.invalid", 8081, "/h").get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-host.invalid");
  }
}
