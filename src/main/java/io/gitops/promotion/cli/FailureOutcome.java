package io.gitops.promotion.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.config.ConfigException;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitAccessException;
import io.gitops.promotion.git.GitTransientException;
import io.gitops.promotion.git.UrlRedaction;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ParameterException;

/**
 * A command that ended without a result to report: rejected (exit code 2, nothing written) or
 * failed (exit code 1). It prints as one line on stderr for people and, with {@code --output json},
 * also as one JSON object on stdout, {@code {result, reason, message}}, so that a CI job can parse
 * every outcome. The message never holds a credential (see {@link UrlRedaction}).
 *
 * @param result {@code Rejected} or {@code Failed}
 * @param reason a constant: a {@link RejectionReason} code or one of this class's own
 * @param message what went wrong, for a person
 */
record FailureOutcome(String result, String reason, String message) {
  static final String REJECTED = "Rejected";
  static final String FAILED = "Failed";

  /** The command line itself is wrong: an unknown or missing flag, a value of the wrong form. */
  static final String INVALID_ARGUMENT = "InvalidArgument";

  static final String INVALID_CONFIGURATION = "InvalidConfiguration";

  /** The Git remote did not answer or failed in a way a later run may not. */
  static final String GIT_UNAVAILABLE = "GitUnavailable";

  static final String UNEXPECTED_ERROR = "UnexpectedError";

  /** What a failure thrown by a command means for its caller. */
  static FailureOutcome of(Throwable e) {
    String message = UrlRedaction.redact(String.valueOf(e.getMessage()));
    if (e instanceof RequestRejectedException rejected) {
      return new FailureOutcome(REJECTED, rejected.reason().code(), message);
    }
    if (e instanceof ParameterException) {
      return new FailureOutcome(REJECTED, INVALID_ARGUMENT, message);
    }
    if (e instanceof ConfigException) {
      return new FailureOutcome(REJECTED, INVALID_CONFIGURATION, message);
    }
    if (e instanceof GitAccessException access) {
      RejectionReason reason =
          access.isNotFound()
              ? RejectionReason.GIT_REPOSITORY_NOT_FOUND
              : RejectionReason.GIT_AUTHENTICATION_FAILED;
      return new FailureOutcome(FAILED, reason.code(), message);
    }
    if (e instanceof GitTransientException) {
      return new FailureOutcome(FAILED, GIT_UNAVAILABLE, message);
    }
    return new FailureOutcome(FAILED, UNEXPECTED_ERROR, message);
  }

  /** The line for stderr, control characters escaped. */
  String line() {
    String prefix =
        result.equals(FAILED)
            ? "failed: "
            : reason.equals(INVALID_ARGUMENT) || reason.equals(INVALID_CONFIGURATION)
                ? "rejected: "
                : "rejected (" + reason + "): ";
    return prefix + TerminalText.lines(message);
  }

  void printJson(PrintWriter out) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("result", result);
    json.put("reason", reason);
    json.put("message", message);
    try {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a failure is three strings", e);
    }
    out.flush();
  }

  /**
   * Whether the command line asked for {@code --output json}. Read from the words themselves,
   * because a command line that failed to parse may not have reached the flag.
   */
  static boolean jsonRequested(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        return false;
      }
      String value =
          arg.equals("--output") && i + 1 < args.size()
              ? args.get(i + 1)
              : arg.startsWith("--output=") ? arg.substring("--output=".length()) : null;
      if (value != null && value.trim().toLowerCase(Locale.ROOT).equals("json")) {
        return true;
      }
    }
    return false;
  }
}
