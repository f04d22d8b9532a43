package io.gitops.promotion.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every credential form a Git or GitLab URL can carry is removed, alone or inside a message. */
class UrlRedactionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:SECRETPASS@host/x.git | https://host/x.git",
        "https://user:SEC@RETPASS@host/x.git | https://host/x.git",
        "https://user:SEC/RET@host/x.git | https://host/x.git",
        "https://oauth2:TOKEN@gitlab.example.com | https://gitlab.example.com",
        "https://TOKEN@github.com/org/x.git | https://github.com/org/x.git",
        "ssh://user:pw@host:2222/x | ssh://host:2222/x",
        "user:SECRETPASS@host:group/x.git | user@host:group/x.git",
        "user:SEC@RET:PASS@host:x.git | user@host:x.git",
        "https://host/x.git?private_token=TOKEN | https://host/x.git?private_token=***",
        "https://host/api?a=1&access_token=TOKEN&b=2 | https://host/api?a=1&access_token=***&b=2",
        "https://host/x?X-Amz-Signature=abc | https://host/x?X-Amz-Signature=***",
      })
  void removesEveryCredentialForm(String url, String shown) {
    assertThat(UrlRedaction.redact(url)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://gitlab.example.com/group/x.git",
        "git@gitlab.example.com:group/x.git",
        "ssh://git@host/x.git",
        "file:///tmp/repo.git",
        "/tmp/repo.git",
        "https://host/x?page=2",
      })
  void leavesUrlsWithoutSecretsAsTheyAre(String url) {
    String expected = url.startsWith("ssh://git@") ? "ssh://host/x.git" : url;

    assertThat(UrlRedaction.redact(url)).isEqualTo(expected);
  }

  @Test
  void redactsUrlsInsideAMessage() {
    String message =
        "https://user:SEC@RETPASS@127.0.0.1:1/x.git: cannot open git-upload-pack;"
            + " also tried 'user:SECRETPASS@host:x.git' and (https://h/y?private_token=PT)";

    assertThat(UrlRedaction.redact(message))
        .isEqualTo(
            "https://127.0.0.1:1/x.git: cannot open git-upload-pack;"
                + " also tried 'user@host:x.git' and (https://h/y?private_token=***)");
  }

  @Test
  void leavesOrdinaryTextAndNullAlone() {
    String text =
        "push refused: REJECTED_OTHER_REASON (remote: POLICY: at 10:30 ask ops@example.com)";

    assertThat(UrlRedaction.redact(text)).isEqualTo(text);
    assertThat(UrlRedaction.redact(null)).isNull();
  }

  @Test
  void displayUrlAndToStringOfARemoteHoldNoSecret() {
    GitRemote remote =
        new GitRemote(
            "https://user:SEC@RETPASS@host/x.git",
            "main",
            new GitCredentials.UsernamePassword("u", "CREDPASS"));

    assertThat(remote.displayUrl()).isEqualTo("https://host/x.git");
    assertThat(remote.toString())
        .doesNotContain("RETPASS")
        .doesNotContain("SEC@")
        .doesNotContain("CREDPASS");
  }
}
