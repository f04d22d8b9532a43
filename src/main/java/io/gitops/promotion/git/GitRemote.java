package io.gitops.promotion.git;

/** A branch of a remote repository and how to reach it. */
public record GitRemote(String url, String branch, GitCredentials credentials) {
  public GitRemote {
    branch = branch == null || branch.isBlank() ? "main" : branch;
    credentials = credentials == null ? GitCredentials.none() : credentials;
  }

  /** The URL without any credential (see {@link UrlRedaction}), safe to log and print. */
  public String displayUrl() {
    return UrlRedaction.redact(url);
  }

  /** Credentials and the URL's secrets stay out of logs and exceptions that print the record. */
  @Override
  public String toString() {
    return "GitRemote[url=" + displayUrl() + ", branch=" + branch + ", credentials=" + credentials + "]";
  }
}
