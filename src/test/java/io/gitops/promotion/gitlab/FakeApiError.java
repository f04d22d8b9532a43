package io.gitops.promotion.gitlab;

import java.util.Map;

/** An error response of the fake GitLab, with the body GitLab would send. */
final class FakeApiError extends RuntimeException {

  final int status;
  final Object body;

  private FakeApiError(int status, Object body) {
    super(status + " " + body, null, false, false);
    this.status = status;
    this.body = body;
  }

  /** {@code {"message": "..."}}, the shape of most GitLab errors. */
  static FakeApiError message(int status, Object message) {
    return new FakeApiError(status, Map.of("message", message));
  }

  /** {@code {"error": "..."}}, the shape of GitLab's parameter validation errors. */
  static FakeApiError error(int status, String error) {
    return new FakeApiError(status, Map.of("error", error));
  }

  static FakeApiError notFound(String what) {
    return message(404, "404 " + what + " Not Found");
  }
}
