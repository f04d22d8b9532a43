package io.gitops.promotion.config;

import io.gitops.promotion.notify.NotificationEvent;
import io.gitops.promotion.notify.WebhookFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and checks a repository's {@code notifications} list. */
final class NotificationsSection {
  private NotificationsSection() {}

  static List<NotificationConfig> read(ConfigNode repository) {
    List<ConfigNode> nodes = repository.objects("notifications");
    if (nodes == null) {
      return List.of();
    }
    List<NotificationConfig> notifications = new ArrayList<>();
    for (ConfigNode node : nodes) {
      notifications.add(notification(node));
    }
    return notifications;
  }

  private static NotificationConfig notification(ConfigNode node) {
    node.allowOnly(Set.of("url", "urlFrom", "events", "format"));
    String url = node.string("url");
    ConfigNode urlFrom = node.object("urlFrom");
    if ((url == null) == (urlFrom == null)) {
      node.problem("url", "give either url or urlFrom: {secretName, key}");
    }
    if (url != null && !url.matches("^https?://[^/\\s]+.*")) {
      node.problem("url", "'" + url + "' is not an http(s) URL");
    } else if (url != null && NameRules.hasEmbeddedSecret(url)) {
      node.problem("url", "must not contain credentials; put the URL in a Secret and use urlFrom");
    }
    String secretName = null;
    String key = null;
    if (urlFrom != null) {
      urlFrom.allowOnly(Set.of("secretName", "key"));
      secretName = urlFrom.requiredString("secretName");
      if (secretName != null && !NameRules.isDnsSubdomain(secretName)) {
        urlFrom.problem(
            "secretName", "'" + secretName + "' is not a Secret name (lowercase DNS subdomain)");
      }
      key = urlFrom.requiredString("key");
    }
    String formatName = node.string("format", WebhookFormat.JSON.value());
    Optional<WebhookFormat> format = WebhookFormat.named(formatName);
    if (formatName != null && format.isEmpty()) {
      node.problem("format", "'" + formatName + "' is not a format; known: json, slack");
    }
    return new NotificationConfig(
        url, secretName, key, events(node), format.orElse(WebhookFormat.JSON));
  }

  private static Set<NotificationEvent> events(ConfigNode node) {
    List<String> names = node.strings("events");
    if (names == null) {
      return EnumSet.allOf(NotificationEvent.class);
    }
    Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
    for (String name : names) {
      NotificationEvent.named(name)
          .ifPresentOrElse(
              events::add,
              () ->
                  node.problem(
                      "events",
                      "'"
                          + name
                          + "' is not an event; known: "
                          + Arrays.stream(NotificationEvent.values())
                              .map(NotificationEvent::value)
                              .collect(Collectors.joining(", "))));
    }
    if (names.isEmpty()) {
      node.problem("events", "list at least one event, or leave events out for all of them");
    }
    return events;
  }
}
