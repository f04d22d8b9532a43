package io.gitops.promotion.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreezeWindowsTest {
  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static FreezeWindow window(
      String name,
      FreezeWindow.Kind kind,
      String cron,
      Duration duration,
      ZoneId zone,
      String... envs) {
    return new FreezeWindow(name, kind, CRON.parse(cron), duration, zone, Set.of(envs));
  }

  private static final FreezeWindow WEEKEND =
      window("weekend", FreezeWindow.Kind.DENY, "0 18 * * 5", Duration.ofHours(62), BERLIN, "PRD");

  @Test
  void aDenyWindowFreezesItsEnvironmentsUntilItEnds() {
    FreezeWindows windows = new FreezeWindows(List.of(WEEKEND));

    GateDecision saturday = windows.decide("PRD", Instant.parse("2026-12-05T11:00:00Z"));

    assertThat(saturday.open()).isFalse();
    assertThat(saturday.reason()).isEqualTo("FreezeWindow");
    assertThat(saturday.opensAt()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
    assertThat(saturday.message()).contains("weekend", "2026-12-07T07:00:00Z");
    assertThat(windows.decide("STG", Instant.parse("2026-12-05T11:00:00Z")).open())
        .as("not covered")
        .isTrue();
    assertThat(windows.decide("PRD", Instant.parse("2026-12-07T07:00:00Z")).open())
        .as("ended")
        .isTrue();
    assertThat(windows.decide("PRD", Instant.parse("2026-12-04T16:59:59Z")).open())
        .as("not begun")
        .isTrue();
    assertThat(windows.decide("PRD", Instant.parse("2026-12-04T17:00:00Z")).open())
        .as("begins")
        .isFalse();
  }

  @Test
  void aWindowSpanningMidnightStaysClosedAcrossTheDateChange() {
    FreezeWindows nightly =
        new FreezeWindows(
            List.of(
                window(
                    "nightly",
                    FreezeWindow.Kind.DENY,
                    "0 22 * * *",
                    Duration.ofHours(4),
                    ZoneId.of("UTC"),
                    "PRD")));

    GateDecision afterMidnight = nightly.decide("PRD", Instant.parse("2026-12-05T01:30:00Z"));

    assertThat(afterMidnight.open()).isFalse();
    assertThat(afterMidnight.opensAt()).isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
    assertThat(nightly.decide("PRD", Instant.parse("2026-12-05T02:00:00Z")).open()).isTrue();
  }

  @Test
  void aWindowAcrossTheSpringDaylightSavingChangeLastsItsRealDuration() {
    // 29 March 2026: Berlin goes from 02:00 CET to 03:00 CEST; the window opens at 01:00 CET =
    // 00:00Z
    FreezeWindows night =
        new FreezeWindows(
            List.of(
                window(
                    "change",
                    FreezeWindow.Kind.DENY,
                    "0 1 * * *",
                    Duration.ofHours(3),
                    BERLIN,
                    "PRD")));

    GateDecision during = night.decide("PRD", Instant.parse("2026-03-29T02:30:00Z"));

    assertThat(during.opensAt()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
  }

  @Test
  void allowWindowsLetChangesThroughOnlyWhileOneIsOpen() {
    FreezeWindows officeHours =
        new FreezeWindows(
            List.of(
                window(
                    "office-hours",
                    FreezeWindow.Kind.ALLOW,
                    "0 9 * * 1-5",
                    Duration.ofHours(8),
                    BERLIN,
                    "PRD",
                    "STG")));

    assertThat(officeHours.decide("PRD", Instant.parse("2026-12-08T10:00:00Z")).open())
        .as("Tuesday 11:00")
        .isTrue();
    GateDecision saturday = officeHours.decide("PRD", Instant.parse("2026-12-05T10:00:00Z"));
    assertThat(saturday.open()).isFalse();
    assertThat(saturday.opensAt())
        .as("Monday 09:00 Berlin")
        .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(officeHours.decide("TST", Instant.parse("2026-12-05T10:00:00Z")).open()).isTrue();
  }

  @Test
  void windowsThatFollowEachOtherOpenOnlyAfterTheLast() {
    FreezeWindows chained =
        new FreezeWindows(
            List.of(
                WEEKEND,
                window(
                    "monday-release-train",
                    FreezeWindow.Kind.DENY,
                    "0 8 * * 1",
                    Duration.ofHours(2),
                    BERLIN,
                    "PRD")));

    GateDecision saturday = chained.decide("PRD", Instant.parse("2026-12-05T11:00:00Z"));

    assertThat(saturday.opensAt()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    assertThat(saturday.message()).contains("weekend");
  }
}
