package io.gitops.promotion.config;

import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a connection to a remote (Git or GitLab) may take to open, and how long it may then stay
 * silent, before the call fails instead of hanging.
 *
 * @param connect limit of opening the connection
 * @param read limit of waiting for the next bytes of an answer
 */
public record ConnectionTimeouts(Duration connect, Duration read) {
  public static final ConnectionTimeouts DEFAULT =
      new ConnectionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5));

  public ConnectionTimeouts {
    if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
      throw new IllegalArgumentException(
          "timeouts must be positive, were " + connect + " and " + read);
    }
  }

  public int connectMillis() {
    return (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
  }

  public int readMillis() {
    return (int) Math.min(Integer.MAX_VALUE, read.toMillis());
  }

  /**
   * Which limit a failed connection exceeded, in the terms of the configuration, e.g. "no answer
   * within the read timeout of 5m"; empty when the failure is not a timeout.
   */
  public Optional<String> exceeded(Throwable failure) {
    boolean timedOut = false;
    boolean connecting = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof SocketTimeoutException
          || t instanceof HttpConnectTimeoutException
          || text.contains("timed out")
          || text.contains("timeout")) {
        timedOut = true;
        connecting |=
            t instanceof HttpConnectTimeoutException || text.contains("connect timed out");
      }
    }
    if (!timedOut) {
      return Optional.empty();
    }
    return Optional.of(
        connecting
            ? "could not connect within the connect timeout of " + text(connect)
            : "no answer within the read timeout of " + text(read));
  }

  /** A duration as the configuration writes it: 30s, 5m, 1500ms. */
  public static String text(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /**
   * Parses 30s, 5m, 1h or an ISO-8601 duration such as PT0.5S; empty when not a positive duration.
   */
  public static Optional<Duration> parse(String text) {
    return RollbackWindow.parse(text).filter(w -> !w.isUnlimited()).map(RollbackWindow::duration);
  }
}
