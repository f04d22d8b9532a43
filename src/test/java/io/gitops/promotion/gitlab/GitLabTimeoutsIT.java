package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.testing.SilentServer;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A GitLab that accepts the connection and never answers fails each call within the read limit. */
class GitLabTimeoutsIT {
  @AutoClose private final SilentServer server = new SilentServer();

  @Test
  void aGitLabThatNeverAnswersFailsWithTheReadTimeoutAndItsUrlInTheMessage() {
    String url = server.url("").replaceAll("/$", "");
    RecordingSleeper sleeper = new RecordingSleeper();
    try (Gitlab4jGitLab gitLab =
        new Gitlab4jGitLab(
            url,
            "glpat-SECRET",
            new ConnectionTimeouts(Duration.ofSeconds(5), Duration.ofMillis(700)),
            new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(1)),
            sleeper,
            RetryListener.none())) {

      GitLabUnavailableException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  catchThrowableOfType(
                      GitLabUnavailableException.class, () -> gitLab.tagCommit("1234", "v1.5.0")));

      assertThat(e)
          .hasMessageContaining(url + ": no answer within the read timeout of 700ms")
          .hasMessageContaining("after 2 attempts")
          .hasMessageNotContaining("SECRET");
      assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(100));
    }
  }
}
