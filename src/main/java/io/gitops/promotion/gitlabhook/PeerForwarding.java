package io.gitops.promotion.gitlabhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes an accepted delivery on to the other replicas: GitLab reaches one replica through the
 * Service, but the promotion awaiting the request may be another's (each works on the repositories
 * whose Lease it holds). A passed-on delivery carries {@link #HEADER} and is never passed on again;
 * each replica checks its token as GitLab's own. Runs on a thread of its own, after GitLab has its
 * answer.
 */
public final class PeerForwarding implements AutoCloseable {
  /** Marks a delivery one replica passed on to another. */
  public static final String HEADER = "X-Promotion-Operator-Forwarded";

  /** Forwards nothing: one replica, or no peers configured. */
  public static final PeerForwarding NONE = new PeerForwarding();

  private static final Logger LOG = LoggerFactory.getLogger(PeerForwarding.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Supplier<List<URI>> peers;
  private final HttpClient http;
  private final ExecutorService executor;

  private PeerForwarding() {
    this.peers = List::of;
    this.http = null;
    this.executor = null;
  }

  /**
   * @param peers the webhook endpoints of the other replicas, looked up at each delivery
   */
  public PeerForwarding(Supplier<List<URI>> peers) {
    this.peers = peers;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "gitlab-webhook-peers");
              t.setDaemon(true);
              return t;
            });
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Sends the delivery as it came, in order, to every peer; a peer that fails is only logged. */
  public void forward(String event, String token, byte[] body) {
    if (executor == null) {
      return;
    }
    executor.execute(
        () -> {
          for (URI peer : lookUp()) {
            send(peer, event, token, body);
          }
        });
  }

  private List<URI> lookUp() {
    try {
      return peers.get();
    } catch (RuntimeException e) {
      LOG.warn(
          "GitLab webhook not passed on: the other replicas cannot be found: {}", e.toString());
      return List.of();
    }
  }

  private void send(URI peer, String event, String token, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(peer)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header(HEADER, "true")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (event != null) {
      request.header("X-Gitlab-Event", event);
    }
    if (token != null) {
      request.header("X-Gitlab-Token", token);
    }
    try {
      int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 202) {
        LOG.warn("GitLab webhook passed on to {}: answered {}", peer, status);
      }
    } catch (java.io.IOException e) {
      LOG.warn("GitLab webhook not passed on to {}: {}", peer, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
