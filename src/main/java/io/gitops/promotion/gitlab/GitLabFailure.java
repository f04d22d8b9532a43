package io.gitops.promotion.gitlab;

import io.gitops.promotion.config.ConnectionTimeouts;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.HttpRetryException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gitlab4j.api.GitLabApiException;

/** What a failed gitlab4j call said: HTTP status (0 for no response), detail, Retry-After. */
record GitLabFailure(int httpStatus, String detail, Duration retryAfter, Exception cause) {

  static GitLabFailure of(GitLabApiException e) {
    int status = e.getHttpStatus();
    if (status == 0) {
      return withoutResponse(e);
    }
    String message =
        e.hasValidationErrors()
            ? e.getValidationErrors().entrySet().stream()
                .map(field -> field.getKey() + ": " + String.join(", ", field.getValue()))
                .collect(Collectors.joining("; "))
            : e.getMessage() == null ? e.getReason() : e.getMessage();
    String detail = oneLine(message);
    if (!detail.startsWith(Integer.toString(status))) {
      detail = status + " " + detail;
    }
    return new GitLabFailure(status, detail, retryAfter(e.getHeaders()), e);
  }

  static GitLabFailure of(ProcessingException e) {
    return withoutResponse(e);
  }

  /**
   * A connection failure, unless it is the JDK refusing to resend a streamed request that got 401
   * or 407: then it is that status.
   */
  private static GitLabFailure withoutResponse(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpRetryException refused && refused.responseCode() > 0) {
        int status = refused.responseCode();
        return new GitLabFailure(
            status,
            status == 401 ? "401 Unauthorized" : status + " " + oneLine(refused.getReason()),
            null,
            e);
      }
    }
    return new GitLabFailure(0, "no response: " + oneLine(e.getMessage()), null, e);
  }

  /** A call that got no answer in time says which limit it exceeded, and of which GitLab. */
  GitLabFailure namingTimeout(String gitlab, ConnectionTimeouts timeouts) {
    if (httpStatus != 0 || cause == null) {
      return this;
    }
    return timeouts
        .exceeded(cause)
        .map(limit -> new GitLabFailure(0, gitlab + ": " + limit, retryAfter, cause))
        .orElse(this);
  }

  /** 429, 5xx, 408 and connection failures may succeed when repeated; other 4xx never. */
  boolean retryable() {
    return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
  }

  boolean is(int status) {
    return httpStatus == status;
  }

  boolean says(String text) {
    return detail.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
  }

  private static Duration retryAfter(MultivaluedMap<String, String> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if ("Retry-After".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
        try {
          long seconds = Long.parseLong(header.getValue().get(0).trim());
          return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException httpDate) {
          return null; // an HTTP-date: fall back to our own backoff
        }
      }
    }
    return null;
  }

  private static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "(no message)";
    }
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
