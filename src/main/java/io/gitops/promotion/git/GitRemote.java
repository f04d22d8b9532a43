package io.gitops.promotion.git;

/** A branch of a remote repository and how to reach it. */
public record GitRemote(String url, String branch, GitCredentials credentials) {
  public GitRemote {
    branch = branch == null || branch.isBlank() ? "main" : branch;
    credentials = credentials == null ? GitCredentials.none() : credentials;
  }

  /** The URL without any user-info, safe to log. */
  public String displayUrl() {
    return url.replaceFirst("//[^/@]*@", "//");
  }
}
