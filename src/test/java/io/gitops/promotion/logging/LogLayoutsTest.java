package io.gitops.promotion.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LogLayoutsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoggerContext context = new LoggerContext();

  LogLayoutsTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void jsonIsOneObjectPerLineWithTheKeyValuePairsAsFieldsAndEveryCharacterEscaped()
      throws Exception {
    String message = "quote \" backslash \\ newline \n tab \t bell \u0007 unicode é ✓";
    LoggingEvent event = event(Level.WARN, message, null);
    event.addKeyValuePair(new KeyValuePair("name", "tbd-test-dev-to-tst"));
    event.addKeyValuePair(new KeyValuePair("namespace", "team-a"));
    event.addKeyValuePair(new KeyValuePair("repository", "argocd"));
    event.addKeyValuePair(new KeyValuePair("phase", "Succeeded"));
    event.addKeyValuePair(new KeyValuePair("commit", null));
    event.addKeyValuePair(new KeyValuePair("message", "a pair may not overwrite the message"));
    event.setMDCPropertyMap(Map.of("trace", "abc"));

    String line = new JsonLogLayout().doLayout(event);

    assertThat(line).endsWith("\n").doesNotContain("\u0007");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode parsed = JSON.readTree(line);
    assertThat(parsed.get("message").asText()).isEqualTo(message);
    assertThat(parsed.get("level").asText()).isEqualTo("WARN");
    assertThat(parsed.get("logger").asText()).isEqualTo("io.gitops.promotion.Test");
    assertThat(parsed.get("time").asText()).isEqualTo("2026-12-04T06:00:00Z");
    assertThat(parsed.get("name").asText()).isEqualTo("tbd-test-dev-to-tst");
    assertThat(parsed.get("namespace").asText()).isEqualTo("team-a");
    assertThat(parsed.get("repository").asText()).isEqualTo("argocd");
    assertThat(parsed.get("phase").asText()).isEqualTo("Succeeded");
    assertThat(parsed.get("trace").asText()).isEqualTo("abc");
    assertThat(parsed.has("commit")).isFalse();
    assertThat(parsed.has("exception")).isFalse();
  }

  @Test
  void jsonCarriesTheStackTraceInOneField() throws Exception {
    String line =
        new JsonLogLayout()
            .doLayout(event(Level.ERROR, "boom", new IllegalStateException("broken")));

    assertThat(line.strip()).doesNotContain("\n");
    assertThat(JSON.readTree(line).get("exception").asText())
        .startsWith("java.lang.IllegalStateException: broken")
        .contains("\tat ");
  }

  @Test
  void textPutsThePairsAfterTheMessageAndQuotesValuesThatNeedIt() {
    LoggingEvent event = event(Level.INFO, "Promotion succeeded", null);
    event.addKeyValuePair(new KeyValuePair("name", "p1"));
    event.addKeyValuePair(new KeyValuePair("reason", "two words"));
    event.addKeyValuePair(new KeyValuePair("message", "say \"hi\"\nbye"));
    event.addKeyValuePair(new KeyValuePair("commit", null));

    assertThat(new TextLogLayout().doLayout(event))
        .isEqualTo(
            "2026-12-04T06:00:00Z INFO  [main] io.gitops.promotion.Test"
                + " - Promotion succeeded name=p1 reason=\"two words\" message=\"say \\\"hi\\\"\\nbye\"\n");
  }

  @Test
  void formatsAreNamedTextAndJsonInAnyCase() {
    assertThat(LogFormat.named("JSON")).contains(LogFormat.JSON);
    assertThat(LogFormat.named("text")).contains(LogFormat.TEXT);
    assertThat(LogFormat.named("xml")).isEmpty();
  }

  private LoggingEvent event(Level level, String message, Throwable error) {
    LoggingEvent event =
        new LoggingEvent(
            "io.gitops.promotion.Test",
            context.getLogger("io.gitops.promotion.Test"),
            level,
            message,
            error,
            null);
    event.setTimeStamp(java.time.Instant.parse("2026-12-04T06:00:00Z").toEpochMilli());
    event.setThreadName("main");
    return event;
  }
}
