package io.gitops.promotion.gitlabhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one delivery of a GitLab webhook is worth: its token first (nothing of an unproven
 * delivery is read), then its size, its event and the merge request it names; a merge request of a
 * configured repository is published as a {@link MergeRequestSignal} and passed on to the other
 * replicas. Does no work of its own, so GitLab is answered at once.
 */
public final class GitLabHookReceiver implements AutoCloseable {
  /** GitLab's merge request events are a few KiB; a MiB leaves room for long descriptions. */
  public static final int MAX_BODY = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(GitLabHookReceiver.class);

  private final SecretToken token;
  private final ProjectRepositories repositories;
  private final MergeRequestSignals signals;
  private final HookListener listener;
  private final PeerForwarding peers;
  private final int maxBody;

  public GitLabHookReceiver(
      SecretToken token,
      ProjectRepositories repositories,
      MergeRequestSignals signals,
      HookListener listener) {
    this(token, repositories, signals, listener, PeerForwarding.NONE, MAX_BODY);
  }

  /**
   * @param peers where an accepted delivery is passed on to (the other replicas)
   * @param maxBody the largest body accepted, in bytes
   */
  public GitLabHookReceiver(
      SecretToken token,
      ProjectRepositories repositories,
      MergeRequestSignals signals,
      HookListener listener,
      PeerForwarding peers,
      int maxBody) {
    this.peers = peers;
    this.token = token;
    this.repositories = repositories;
    this.signals = signals;
    this.listener = listener;
    this.maxBody = maxBody;
  }

  /** Stops passing deliveries on. */
  @Override
  public void close() {
    peers.close();
  }

  /**
   * @param givenToken the {@code X-Gitlab-Token} header, or null
   * @param event the {@code X-Gitlab-Event} header, or null
   * @param declaredLength the {@code Content-Length}, or -1 when not declared (chunked)
   * @param forwarded whether another replica passed the delivery on (then it goes no further)
   */
  public HookOutcome receive(
      String method,
      String givenToken,
      String event,
      long declaredLength,
      boolean forwarded,
      InputStream body) {
    HookKind kind = HookKind.of(event);
    HookOutcome outcome = decide(method, givenToken, kind, event, declaredLength, forwarded, body);
    listener.handled(kind, outcome);
    return outcome;
  }

  private HookOutcome decide(
      String method,
      String givenToken,
      HookKind kind,
      String event,
      long declaredLength,
      boolean forwarded,
      InputStream body) {
    if (!"POST".equalsIgnoreCase(method)) {
      return HookOutcome.INVALID;
    }
    try {
      if (!token.matches(givenToken)) {
        return HookOutcome.UNAUTHORIZED;
      }
    } catch (RuntimeException e) {
      LOG.warn("GitLab webhook refused: its secret token cannot be read: {}", e.getMessage());
      return HookOutcome.UNAVAILABLE;
    }
    if (declaredLength > maxBody) {
      return HookOutcome.TOO_LARGE;
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(maxBody + 1);
    } catch (IOException e) {
      return HookOutcome.INVALID;
    }
    if (bytes.length > maxBody) {
      return HookOutcome.TOO_LARGE;
    }
    if (kind == HookKind.OTHER) {
      return HookOutcome.IGNORED;
    }
    Optional<MergeRequestRef> mergeRequest;
    try {
      mergeRequest = HookPayload.mergeRequestOf(kind, bytes);
    } catch (MalformedHookException e) {
      LOG.info("GitLab webhook refused: {}", e.getMessage());
      return HookOutcome.INVALID;
    }
    List<String> holding = mergeRequest.map(repositories::holding).orElse(List.of());
    if (holding.isEmpty()) {
      return HookOutcome.IGNORED;
    }
    for (String repository : holding) {
      signals.publish(new MergeRequestSignal(repository, mergeRequest.get()));
    }
    LOG.debug("GitLab {} event about {} of {}", kind.label(), mergeRequest.get(), holding);
    if (!forwarded) {
      peers.forward(event, givenToken, bytes);
    }
    return HookOutcome.ACCEPTED;
  }
}
