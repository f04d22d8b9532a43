package io.gitops.promotion.gitlabhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The hook's secret token against the one a delivery carries. */
class SecretTokenTest {
  @Test
  void onlyTheConfiguredTokenMatches() {
    SecretToken token = new SecretToken(() -> "s3cret-token");

    assertThat(token.matches("s3cret-token")).isTrue();
    assertThat(token.matches("s3cret-tokeN")).isFalse();
    assertThat(token.matches("s3cret-token ")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void anEmptyConfiguredTokenMatchesNothing() {
    assertThat(new SecretToken(() -> "").matches("")).isFalse();
  }

  @Test
  void aRotatedTokenTakesEffectAtTheNextDelivery() {
    AtomicReference<String> secret = new AtomicReference<>("old");
    SecretToken token = new SecretToken(secret::get);
    assertThat(token.matches("old")).isTrue();

    secret.set("new");

    assertThat(token.matches("old")).isFalse();
    assertThat(token.matches("new")).isTrue();
  }

  @Test
  void anUnreadableTokenIsAnErrorNotAMismatch() {
    SecretToken token =
        new SecretToken(
            () -> {
              throw new IllegalStateException("Secret promotion-system/gitlab-webhook not found");
            });

    assertThatThrownBy(() -> token.matches("anything"))
        .hasMessageContaining("gitlab-webhook not found");
  }
}
