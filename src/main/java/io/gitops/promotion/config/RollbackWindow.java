package io.gitops.promotion.config;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How old a promotion may be and still be rolled back without force: {@code 7d}, {@code 12h},
 * {@code 30m}, {@code 90s}, an ISO-8601 duration ({@code P7D}), or {@code 0} for no limit; the same
 * forms the rollback command accepts. The default is seven days, as the pipeline's artifact was.
 */
public record RollbackWindow(Duration duration) {
  private static final Pattern TEXT = Pattern.compile("^(\\d{1,6})([dhms])$");

  public static final RollbackWindow DEFAULT = new RollbackWindow(Duration.ofDays(7));
  public static final RollbackWindow UNLIMITED = new RollbackWindow(Duration.ZERO);

  public RollbackWindow {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("rollback window must not be negative: " + duration);
    }
  }

  /** Parses the forms above; empty when the text is none of them or negative. */
  public static Optional<RollbackWindow> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return Optional.of(UNLIMITED);
    }
    Matcher m = TEXT.matcher(trimmed);
    if (!m.matches()) {
      return iso(trimmed);
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration =
        switch (m.group(2)) {
          case "d" -> Duration.ofDays(amount);
          case "h" -> Duration.ofHours(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofSeconds(amount);
        };
    return Optional.of(new RollbackWindow(duration));
  }

  private static Optional<RollbackWindow> iso(String text) {
    try {
      Duration duration = Duration.parse(text);
      return duration.isNegative() ? Optional.empty() : Optional.of(new RollbackWindow(duration));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public boolean isUnlimited() {
    return duration.isZero();
  }

  /**
   * Whether a promotion made at {@code promotedAt} may be rolled back at {@code now} without force.
   */
  public boolean allows(Instant promotedAt, Instant now) {
    return isUnlimited() || !promotedAt.plus(duration).isBefore(now);
  }

  @Override
  public String toString() {
    if (isUnlimited()) {
      return "0";
    }
    long seconds = duration.getSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
