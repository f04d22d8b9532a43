package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.ConnectionTimeouts;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.eclipse.jgit.errors.TransportException;
import org.junit.jupiter.api.Test;

class GitFailuresTest {
  @Test
  void aRefusedConnectionToAPortThatContains401IsTransientNotAnAuthenticationFailure() {
    RuntimeException failure =
        GitFailures.translate(
            "fetch http://127.0.0.1:40107/x.git",
            new TransportException(
                "http://127.0.0.1:40107/x.git: cannot open git-upload-pack",
                new java.net.ConnectException("Connection refused")),
            ConnectionTimeouts.DEFAULT);

    assertThat(failure)
        .isInstanceOf(GitTransientException.class)
        .hasMessageNotContaining("authentication");
  }

  @Test
  void aHttp401Or403IsAnAuthenticationFailure() {
    assertThat(
            GitFailures.translate(
                "push",
                new TransportException("https://h/x.git: 401 Unauthorized"),
                ConnectionTimeouts.DEFAULT))
        .isInstanceOf(GitAccessException.class)
        .hasMessageContaining("authentication refused");
    assertThat(
            GitFailures.translate(
                "push",
                new TransportException("https://h/x.git: HTTP 403 Forbidden"),
                ConnectionTimeouts.DEFAULT))
        .isInstanceOf(GitAccessException.class)
        .hasMessageContaining("authentication refused");
  }

  @Test
  void aTimeoutNamesTheLimitThatWasExceeded() {
    ConnectionTimeouts limits =
        new ConnectionTimeouts(Duration.ofSeconds(20), Duration.ofMinutes(4));

    assertThat(
            GitFailures.translate(
                "fetch https://h/x.git",
                new TransportException(
                    "https://h/x.git: cannot open" + " git-upload-pack",
                    new SocketTimeoutException("Read timed out")),
                limits))
        .isInstanceOf(GitTransientException.class)
        .hasMessage("fetch https://h/x.git failed: no answer within the read timeout of 4m");
    assertThat(
            GitFailures.translate(
                "push to https://h/x.git",
                new TransportException(
                    "https://h/x.git: cannot open" + " git-receive-pack",
                    new SocketTimeoutException("Connect timed out")),
                limits))
        .hasMessage(
            "push to https://h/x.git failed: could not connect within the connect timeout of 20s");
  }
}
