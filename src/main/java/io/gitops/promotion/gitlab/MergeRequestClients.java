package io.gitops.promotion.gitlab;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@link MergeRequests} client per GitLab and token, made on first use and closed with the
 * process; a rotated token gets a client of its own.
 */
public final class MergeRequestClients implements AutoCloseable {
  private final Function<GitLabTarget, MergeRequests> factory;
  private final Map<String, MergeRequests> clients = new ConcurrentHashMap<>();

  /** Clients over GitLab's REST API. */
  public MergeRequestClients() {
    this(target -> new Gitlab4jMergeRequests(target.url(), target.token(), target.timeouts()));
  }

  public MergeRequestClients(Function<GitLabTarget, MergeRequests> factory) {
    this.factory = factory;
  }

  public MergeRequests of(GitLabTarget target) {
    return clients.computeIfAbsent(
        target.url() + "\n" + target.token(), key -> factory.apply(target));
  }

  @Override
  public void close() {
    clients
        .values()
        .forEach(
            client -> {
              if (client instanceof AutoCloseable closeable) {
                try {
                  closeable.close();
                } catch (Exception e) {
                  // closing an HTTP client at shutdown: nothing left to do about it
                }
              }
            });
    clients.clear();
  }
}
