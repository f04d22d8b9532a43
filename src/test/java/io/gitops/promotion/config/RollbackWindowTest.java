package io.gitops.promotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollbackWindowTest {
  static final Instant PROMOTED = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void parsesDaysHoursMinutesAndZero() {
    assertThat(RollbackWindow.parse("7d")).contains(new RollbackWindow(Duration.ofDays(7)));
    assertThat(RollbackWindow.parse("12h")).contains(new RollbackWindow(Duration.ofHours(12)));
    assertThat(RollbackWindow.parse(" 30m ")).contains(new RollbackWindow(Duration.ofMinutes(30)));
    assertThat(RollbackWindow.parse("90s")).contains(new RollbackWindow(Duration.ofSeconds(90)));
    assertThat(RollbackWindow.parse("P7D")).contains(RollbackWindow.DEFAULT);
    assertThat(RollbackWindow.parse("0")).contains(RollbackWindow.UNLIMITED);
  }

  @Test
  void rejectsAnythingElse() {
    for (String text : new String[] {"7", "7w", "1d12h", "-1d", "", "PT-1H", "seven days"}) {
      assertThat(RollbackWindow.parse(text)).as(text).isEmpty();
    }
    assertThat(RollbackWindow.parse(null)).isEmpty();
  }

  @Test
  void allowsRollbackUntilTheWindowEnds() {
    RollbackWindow window = RollbackWindow.parse("7d").orElseThrow();
    assertThat(window.allows(PROMOTED, PROMOTED.plus(Duration.ofDays(7)))).isTrue();
    assertThat(window.allows(PROMOTED, PROMOTED.plus(Duration.ofDays(7)).plusSeconds(1))).isFalse();
    assertThat(RollbackWindow.UNLIMITED.allows(PROMOTED, PROMOTED.plus(Duration.ofDays(3650))))
        .isTrue();
  }

  @Test
  void printsAsWritten() {
    assertThat(RollbackWindow.DEFAULT).hasToString("7d");
    assertThat(RollbackWindow.parse("36h").orElseThrow()).hasToString("36h");
    assertThat(RollbackWindow.parse("90m").orElseThrow()).hasToString("90m");
    assertThat(RollbackWindow.parse("PT90S").orElseThrow()).hasToString("90s");
    assertThat(RollbackWindow.UNLIMITED).hasToString("0");
  }
}
