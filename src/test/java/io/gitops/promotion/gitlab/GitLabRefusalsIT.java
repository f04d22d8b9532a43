package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 401, 403, 404 and validation errors are terminal: one request, no retry, a clear message. */
class GitLabRefusalsIT {

  private static final String WRONG_TOKEN = "wrong-token-0123456789abcdef";
  private static final String COMMIT = "8f2e6b1c0d9a7e5f4b3c2d1e0f9a8b7c6d5e4f3a";

  @AutoClose private final GitLabHarness harness = new GitLabHarness();
  private final FakeGitLabServer server = harness.server;

  @BeforeEach
  void seed() {
    server.addProject(1234, "devops/argocd");
    server.addBranch("1234", "main", COMMIT);
  }

  @Test
  void aWrongTokenIsRejectedAsUnauthorizedWithoutTheTokenAnywhere() {
    try (Gitlab4jGitLab wrong = harness.withToken(WRONG_TOKEN)) {
      GitLabRejectedException e =
          catchThrowableOfType(
              GitLabRejectedException.class, () -> wrong.tagCommit("1234", "v1.5.0"));

      assertThat(e).hasMessage("GitLab refused get tag v1.5.0 on project 1234: 401 Unauthorized");
      assertThat(e.refusal()).isEqualTo(GitLabRejectedException.Refusal.UNAUTHORIZED);
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(stackTrace(e)).doesNotContain(WRONG_TOKEN, server.token());
      assertThat(wrong.toString()).isEqualTo("Gitlab4jGitLab[" + server.url() + "]");
    }
    assertThat(server.requestLog()).hasSize(1);
    assertThat(harness.sleeper.delays()).isEmpty();
  }

  @Test
  void aWrongTokenOnACreateIsRejectedAsUnauthorizedToo() {
    try (Gitlab4jGitLab wrong = harness.withToken(WRONG_TOKEN)) {
      GitLabRejectedException e =
          catchThrowableOfType(
              GitLabRejectedException.class,
              () -> wrong.createDeployment("1234", "TST", "main", false, COMMIT));

      assertThat(e)
          .hasMessage(
              "GitLab refused create deployment main to TST on project 1234: 401 Unauthorized");
      assertThat(stackTrace(e)).doesNotContain(WRONG_TOKEN, server.token());
    }
    assertThat(server.requests("POST", "/projects/1234/deployments")).hasSize(1);
    assertThat(server.deployments("1234")).isEmpty();
  }

  @Test
  void forbiddenNamesTheCallAndTheProject() {
    server.failNext("POST", "/projects/1234/repository/tags", 403, 1);

    GitLabRejectedException e =
        catchThrowableOfType(
            GitLabRejectedException.class,
            () -> harness.gitLab.createTag("1234", "v1.5.0", COMMIT, null));

    assertThat(e).hasMessage("GitLab refused create tag v1.5.0 on project 1234: 403 Forbidden");
    assertThat(e.refusal()).isEqualTo(GitLabRejectedException.Refusal.FORBIDDEN);
    assertThat(e.operation()).isEqualTo(GitLabOperation.CREATE_TAG);
    assertThat(e.projectId()).isEqualTo("1234");
    assertThat(server.requests("POST", "/projects/1234/repository/tags")).hasSize(1);
    assertThat(server.tags("1234")).isEmpty();
  }

  @Test
  void aMissingProjectIsNotFoundRatherThanAMissingTag() {
    GitLabRejectedException e =
        catchThrowableOfType(
            GitLabRejectedException.class,
            () -> harness.gitLab.tagCommit("devops/missing", "v1.5.0"));

    assertThat(e)
        .hasMessage(
            "GitLab refused get tag v1.5.0 on project devops/missing: 404 Project Not Found");
    assertThat(e.refusal()).isEqualTo(GitLabRejectedException.Refusal.NOT_FOUND);
  }

  @Test
  void aMissingProjectIsNotFoundRatherThanAMissingRelease() {
    GitLabRejectedException e =
        catchThrowableOfType(
            GitLabRejectedException.class, () -> harness.gitLab.release("9999", "v1.5.0"));

    assertThat(e)
        .hasMessage("GitLab refused get release v1.5.0 on project 9999: 404 Project Not Found");
  }

  @Test
  void anInvalidTierIsRejectedAsInvalid() {
    GitLabRejectedException e =
        catchThrowableOfType(
            GitLabRejectedException.class,
            () -> harness.gitLab.ensureEnvironment("1234", "TST", "qa"));

    assertThat(e)
        .hasMessage(
            "GitLab refused create environment TST on project 1234: 400 tier does not have a valid"
                + " value");
    assertThat(e.refusal()).isEqualTo(GitLabRejectedException.Refusal.INVALID);
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
