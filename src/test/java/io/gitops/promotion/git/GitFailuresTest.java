package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.errors.TransportException;
import org.junit.jupiter.api.Test;

class GitFailuresTest {
  @Test
  void aRefusedConnectionToAPortThatContains401IsTransientNotAnAuthenticationFailure() {
    RuntimeException failure = GitFailures.translate("fetch http://127.0.0.1:40107/x.git",
        new TransportException("http://127.0.0.1:40107/x.git: cannot open git-upload-pack", new java.net.ConnectException(
            "Connection refused")));

    assertThat(failure).isInstanceOf(GitTransientException.class).hasMessageNotContaining("authentication");
  }

  @Test
  void aHttp401Or403IsAnAuthenticationFailure() {
    assertThat(GitFailures.translate("push", new TransportException("https://h/x.git: 401 Unauthorized")))
        .isInstanceOf(GitAccessException.class).hasMessageContaining("authentication refused");
    assertThat(GitFailures.translate("push", new TransportException("https://h/x.git: HTTP 403 Forbidden")))
        .isInstanceOf(GitAccessException.class).hasMessageContaining("authentication refused");
  }
}
