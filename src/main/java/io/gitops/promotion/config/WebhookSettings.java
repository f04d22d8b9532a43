package io.gitops.promotion.config;

import java.util.Optional;

/**
 * The GitLab webhook endpoint ({@code webhook}): GitLab posts merge request, pipeline and comment
 * events to it, and the promotions awaiting those merge requests are looked at at once instead of
 * at their next poll.
 *
 * @param port its own port, apart from /metrics and the probes, so that only it need be reachable
 *     from GitLab
 * @param path where GitLab posts, e.g. {@code /hooks/gitlab}
 * @param secretName the Secret (operator namespace) holding the hook's secret token; null when off
 * @param secretKey the key of that Secret; null when off
 * @param peers the DNS name of a headless Service selecting every replica, whose addresses an
 *     accepted delivery is passed on to; null with one replica
 */
public record WebhookSettings(
    boolean enabled, int port, String path, String secretName, String secretKey, String peers) {
  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_PATH = "/hooks/gitlab";

  public Optional<String> peersHost() {
    return Optional.ofNullable(peers);
  }

  public static final WebhookSettings DISABLED =
      new WebhookSettings(false, DEFAULT_PORT, DEFAULT_PATH, null, null, null);
}
