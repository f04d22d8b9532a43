package io.gitops.promotion.gate;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * A named window that opens on a cron schedule and stays open for a duration, in a time zone, for
 * some environments. A {@code deny} window freezes them while it is open; {@code allow} windows let
 * them change only while one of them is open.
 */
public record FreezeWindow(
    String name,
    Kind kind,
    Cron schedule,
    Duration duration,
    ZoneId zone,
    Set<String> environments) {

  /** What an open window means. */
  public enum Kind {
    DENY,
    ALLOW
  }

  public FreezeWindow {
    environments = Set.copyOf(environments);
  }

  public boolean covers(String environment) {
    return environments.contains(environment);
  }

  /** The end of the occurrence open at {@code now}, empty when the window is closed then. */
  public Optional<Instant> openUntil(Instant now) {
    ZonedDateTime at = now.atZone(zone);
    ExecutionTime times = ExecutionTime.forCron(schedule);
    // an occurrence that starts exactly now is open now
    if (times.isMatch(at.withNano(0)) && at.getNano() == 0 && at.getSecond() == 0) {
      return Optional.of(at.plus(duration).toInstant());
    }
    return times
        .lastExecution(at)
        .map(start -> start.plus(duration))
        .filter(end -> end.toInstant().isAfter(now))
        .map(ZonedDateTime::toInstant);
  }

  /** When the next occurrence after {@code now} opens. */
  public Optional<Instant> nextOpening(Instant now) {
    return ExecutionTime.forCron(schedule)
        .nextExecution(now.atZone(zone))
        .map(ZonedDateTime::toInstant);
  }
}
