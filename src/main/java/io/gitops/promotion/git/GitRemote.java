package io.gitops.promotion.git;

import io.gitops.promotion.config.ConnectionTimeouts;

/** A branch of a remote repository and how to reach it: credentials and connection time limits. */
public record GitRemote(
    String url, String branch, GitCredentials credentials, ConnectionTimeouts timeouts) {
  public GitRemote {
    branch = branch == null || branch.isBlank() ? "main" : branch;
    credentials = credentials == null ? GitCredentials.none() : credentials;
    timeouts = timeouts == null ? ConnectionTimeouts.DEFAULT : timeouts;
  }

  /** With the default time limits. */
  public GitRemote(String url, String branch, GitCredentials credentials) {
    this(url, branch, credentials, ConnectionTimeouts.DEFAULT);
  }

  /** The URL without any credential (see {@link UrlRedaction}), safe to log and print. */
  public String displayUrl() {
    return UrlRedaction.redact(url);
  }

  /** Credentials and the URL's secrets stay out of logs and exceptions that print the record. */
  @Override
  public String toString() {
    return "GitRemote[url="
        + displayUrl()
        + ", branch="
        + branch
        + ", credentials="
        + credentials
        + ", timeouts="
        + timeouts
        + "]";
  }
}
