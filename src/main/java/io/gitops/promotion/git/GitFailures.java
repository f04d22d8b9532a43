package io.gitops.promotion.git;

import io.gitops.promotion.config.ConnectionTimeouts;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;

/** Sorts JGit's exceptions into terminal refusals and transient failures, once, at the adapter. */
final class GitFailures {
  private static final java.util.regex.Pattern HTTP_REFUSAL =
      java.util.regex.Pattern.compile("(?<![\\d:])40[13](?!\\d)");

  private GitFailures() {}

  /**
   * @param timeouts the limits the connection ran under, named when one was exceeded
   */
  static RuntimeException translate(String what, GitAPIException e, ConnectionTimeouts timeouts) {
    return translate(what, e, e instanceof InvalidRemoteException, timeouts);
  }

  static RuntimeException translate(String what, Exception e, ConnectionTimeouts timeouts) {
    return translate(what, e, false, timeouts);
  }

  private static RuntimeException translate(
      String what, Exception e, boolean invalidRemote, ConnectionTimeouts timeouts) {
    String text = allMessages(e).toLowerCase(Locale.ROOT);
    if (invalidRemote
        || text.contains("not found")
        || text.contains("does not appear to be a git repository")
        || text.contains("repository not found")
        || text.contains("no such file or directory")) {
      return new GitAccessException(what + " failed: repository not found", true, null);
    }
    // status codes as words: a port such as 40107 in a URL is not a 401
    if (text.contains("not authorized")
        || text.contains("authentication")
        || text.contains("auth fail")
        || HTTP_REFUSAL.matcher(text).find()
        || text.contains("no more keys")) {
      return new GitAccessException(
          what + " failed: authentication refused (check the credentials)", false, null);
    }
    Optional<String> exceeded = timeouts.exceeded(e);
    if (exceeded.isPresent()) {
      return new GitTransientException(what + " failed: " + exceeded.get(), null);
    }
    return new GitTransientException(what + " failed: " + redact(firstLine(e)), null);
  }

  /** JGit puts URLs in its messages: user-info is removed so no credential leaks. */
  static String redact(String message) {
    return UrlRedaction.redact(message);
  }

  /** Exception text of the whole cause chain, for classification only: never shown as is. */
  private static String allMessages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  private static String firstLine(Throwable e) {
    // JGit puts the URL in its messages, in whatever form it parsed it.
    return UrlRedaction.redact(String.valueOf(e.getMessage()).split("\n", 2)[0]);
  }
}
