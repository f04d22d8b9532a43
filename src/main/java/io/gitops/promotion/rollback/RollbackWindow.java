package io.gitops.promotion.rollback;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long after a promotion it may be rolled back without force, as the pipeline's 7-day artifact
 * retention allowed. Written {@code 7d}, {@code 36h}, {@code 90m}, {@code 0} (no limit) or as an
 * ISO-8601 duration ({@code P7D}).
 */
public final class RollbackWindow {
  public static final Duration DEFAULT = Duration.ofDays(7);
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([dhms]?)");

  private RollbackWindow() {}

  /** @throws IllegalArgumentException for text that is not a non-negative duration */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> requireZero(n, t);
      };
    }
    try {
      Duration d = Duration.parse(t);
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below with the accepted forms
    }
    throw new IllegalArgumentException("'" + text + "' is not a rollback window: use 7d, 36h, 90m, 0 (no limit) or P7D");
  }

  /** Whether a promotion made at {@code createdAt} is older than the window at {@code now}. */
  public static boolean isExpired(Duration window, Instant createdAt, Instant now) {
    if (window.isZero()) {
      return false;
    }
    return createdAt == null || createdAt.plus(window).isBefore(now);
  }

  /** The window as people write it: {@code 7d}, {@code 36h}, {@code 90m}, {@code 0}. */
  public static String text(Duration window) {
    long seconds = window.getSeconds();
    if (seconds == 0) {
      return "0";
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  private static Duration requireZero(long n, String text) {
    if (n != 0) {
      throw new IllegalArgumentException("'" + text + "' needs a unit: d, h, m or s (0 alone means no limit)");
    }
    return Duration.ZERO;
  }
}
