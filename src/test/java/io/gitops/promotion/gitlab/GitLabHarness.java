package io.gitops.promotion.gitlab;

import java.time.Duration;

/**
 * A {@link FakeGitLabServer} and a {@link Gitlab4jGitLab} pointed at it whose retries are recorded
 * instead of slept: three attempts, 100 ms base delay, 1 s cap.
 */
final class GitLabHarness implements AutoCloseable {

  static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

  final FakeGitLabServer server = FakeGitLabServer.start();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingRetryListener listener = new RecordingRetryListener();
  final Gitlab4jGitLab gitLab =
      new Gitlab4jGitLab(server.url(), server.token(), POLICY, sleeper, listener);

  /** An adapter with another token, against the same server. */
  Gitlab4jGitLab withToken(String token) {
    return new Gitlab4jGitLab(server.url(), token, POLICY, sleeper, listener);
  }

  @Override
  public void close() {
    gitLab.close();
    server.close();
  }
}
