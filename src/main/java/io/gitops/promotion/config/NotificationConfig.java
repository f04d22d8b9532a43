package io.gitops.promotion.config;

import io.gitops.promotion.notify.NotificationEvent;
import io.gitops.promotion.notify.WebhookFormat;
import java.util.Optional;
import java.util.Set;

/**
 * One webhook of a repository's {@code notifications}: its URL written out ({@code url}) or read
 * from a Secret key in the operator's namespace ({@code urlFrom: {secretName, key}}), the events it
 * is told about (all when not listed) and the body's format.
 *
 * @param url null when the URL comes from a Secret
 * @param secretName null when {@code url} is given
 */
public record NotificationConfig(
    String url,
    String secretName,
    String secretKey,
    Set<NotificationEvent> events,
    WebhookFormat format) {
  public NotificationConfig {
    events = Set.copyOf(events);
  }

  public Optional<String> plainUrl() {
    return Optional.ofNullable(url);
  }
}
