package io.gitops.promotion.git;

import java.util.Locale;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;

/** Sorts JGit's exceptions into terminal refusals and transient failures, once, at the adapter. */
final class GitFailures {
  private GitFailures() {}

  static RuntimeException translate(String what, GitAPIException e) {
    String text = allMessages(e).toLowerCase(Locale.ROOT);
    if (e instanceof InvalidRemoteException || text.contains("not found") || text.contains("does not appear to be a git repository")
        || text.contains("repository not found")) {
      return new GitAccessException(what + " failed: repository not found", true, null);
    }
    if (text.contains("not authorized") || text.contains("authentication") || text.contains("auth fail")
        || text.contains("401") || text.contains("403") || text.contains("no more keys")) {
      return new GitAccessException(what + " failed: authentication refused (check the credentials)", false, null);
    }
    return new GitTransientException(what + " failed: " + firstLine(e), e);
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
