package io.gitops.promotion.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The body a webhook receives: {@code json} (every field of the {@link Notice}, nulls left out) or
 * {@code slack} (an incoming-webhook message: {@code {"text": ...}} in Slack's mrkdwn, which
 * Mattermost and Teams' Slack-compatible hooks accept too).
 */
public enum WebhookFormat {
  JSON {
    @Override
    public String body(Notice notice) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("event", notice.event().value());
      fields.put("kind", notice.kind());
      fields.put("name", notice.name());
      fields.put("namespace", notice.namespace());
      fields.put("repository", notice.repository());
      fields.put("workloadGroup", notice.group());
      fields.put("sourceEnv", notice.sourceEnv());
      fields.put("targetEnv", notice.targetEnv());
      fields.put("reason", notice.reason());
      fields.put("message", notice.message());
      fields.put("title", notice.title());
      fields.put("version", notice.version());
      fields.put("commit", notice.commit());
      fields.put("time", notice.time() == null ? null : notice.time().toString());
      fields.values().removeIf(v -> v == null);
      return write(fields);
    }
  },
  SLACK {
    @Override
    public String body(Notice notice) {
      StringBuilder text =
          new StringBuilder()
              .append(icon(notice.event()))
              .append(" *")
              .append(escape(notice.event().value()))
              .append("* ")
              .append(
                  escape(
                      notice.title() != null
                          ? notice.title()
                          : notice.group()
                              + " "
                              + (notice.sourceEnv() == null ? "" : notice.sourceEnv() + " -> ")
                              + notice.targetEnv()))
              .append("\n")
              .append(escape(notice.kind() + " " + notice.namespace() + "/" + notice.name()));
      if (notice.repository() != null) {
        text.append(" in ").append(escape(notice.repository()));
      }
      if (notice.commit() != null) {
        text.append(", commit `")
            .append(escape(notice.commit().substring(0, Math.min(8, notice.commit().length()))))
            .append('`');
      }
      if (notice.message() != null && !notice.message().isBlank()) {
        text.append("\n").append(escape(notice.message()));
      }
      return write(Map.of("text", text.toString()));
    }

    private static String icon(NotificationEvent event) {
      return switch (event) {
        case SUCCEEDED, ROLLED_BACK -> ":white_check_mark:";
        case FAILED, ROLLBACK_FAILED -> ":x:";
        case AWAITING_MERGE, ROLLBACK_AWAITING_MERGE, VERIFYING -> ":hourglass_flowing_sand:";
        case PREVIEWED, ROLLBACK_PREVIEWED -> ":mag:";
      };
    }

    /**
     * Slack reads {@code &}, {@code <} and {@code >} as markup (links, mentions): they are escaped.
     */
    private static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  };

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public abstract String body(Notice notice);

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WebhookFormat> named(String name) {
    return Arrays.stream(values()).filter(f -> f.value().equals(name)).findFirst();
  }

  private static String write(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }
}
