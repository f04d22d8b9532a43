package io.gitops.promotion.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How old a promotion may be and still be rolled back without force: {@code 7d}, {@code 12h},
 * {@code 30m}, or {@code 0} for no limit. The default is seven days, as the pipeline's artifact was.
 */
public record RollbackWindow(Duration duration) {
  private static final Pattern TEXT = Pattern.compile("^(\\d{1,6})([dhm])$");

  public static final RollbackWindow DEFAULT = new RollbackWindow(Duration.ofDays(7));
  public static final RollbackWindow UNLIMITED = new RollbackWindow(Duration.ZERO);

  public RollbackWindow {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("rollback window must not be negative: " + duration);
    }
  }

  /** Parses {@code 7d}, {@code 12h}, {@code 30m} or {@code 0}; empty when the text is none of these. */
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
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration = switch (m.group(2)) {
      case "d" -> Duration.ofDays(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMinutes(amount);
    };
    return Optional.of(new RollbackWindow(duration));
  }

  public boolean isUnlimited() {
    return duration.isZero();
  }

  /** Whether a promotion made at {@code promotedAt} may be rolled back at {@code now} without force. */
  public boolean allows(Instant promotedAt, Instant now) {
    return isUnlimited() || !promotedAt.plus(duration).isBefore(now);
  }

  @Override
  public String toString() {
    if (isUnlimited()) {
      return "0";
    }
    if (duration.toMinutes() % (24 * 60) == 0) {
      return duration.toDays() + "d";
    }
    return duration.toMinutes() % 60 == 0 ? duration.toHours() + "h" : duration.toMinutes() + "m";
  }
}
