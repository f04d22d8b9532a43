package io.gitops.promotion.notify;

import java.util.Set;
import java.util.function.Supplier;

/**
 * One configured receiver of notifications.
 *
 * @param label names it in logs ({@code argocd notifications[0]}); the URL never appears there,
 *     since a Slack-style URL is itself the secret
 * @param url read at each delivery, so a rotated Secret takes effect without a restart
 */
public record Webhook(
    String label, Supplier<String> url, Set<NotificationEvent> events, WebhookFormat format) {
  public Webhook {
    events = Set.copyOf(events);
  }

  public boolean wants(NotificationEvent event) {
    return events.contains(event);
  }

  @Override
  public String toString() {
    return "Webhook[" + label + ", " + format.value() + ", " + events + "]";
  }
}
