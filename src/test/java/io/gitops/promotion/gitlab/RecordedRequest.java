package io.gitops.promotion.gitlab;

/**
 * A request {@link FakeGitLabServer} received.
 *
 * @param path decoded and without {@code /api/v4}, e.g. {@code
 *     /projects/group/app/repository/tags/v1.0.0}
 * @param query the raw query string, empty when there was none
 */
public record RecordedRequest(String method, String path, String query) {

  public boolean matches(String method, String pathPrefix) {
    return this.method.equalsIgnoreCase(method) && path.startsWith(pathPrefix);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
