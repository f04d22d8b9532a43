package io.gitops.promotion.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.engine.RequestRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Secret read is reused for a few seconds, then read again: a rotation takes effect without a
 * restart.
 */
@EnableKubernetesMockClient(crud = true)
class SecretReaderTest {
  KubernetesClient client;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T08:00:00Z"));

  @Test
  void aReadIsReusedUntilItIsNoLongerFreshThenARotatedValueIsSeen() {
    client.resource(secret("git", "first")).create();
    SecretReader reader = new SecretReader(client, "promotion-system", clock);
    assertThat(reader.data("git")).containsEntry("token", "first");

    client.resource(secret("git", "rotated")).update();
    clock.advance(SecretReader.FRESH.minusSeconds(1));
    assertThat(reader.data("git"))
        .as("within FRESH: the earlier read")
        .containsEntry("token", "first");

    clock.advance(Duration.ofSeconds(1));
    assertThat(reader.data("git")).as("after FRESH: read again").containsEntry("token", "rotated");
  }

  @Test
  void aMissingSecretIsRefusedEveryTimeAndNeverKept() {
    SecretReader reader = new SecretReader(client, "promotion-system", clock);
    assertThatThrownBy(() -> reader.data("later"))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessage("Secret promotion-system/later not found");

    client.resource(secret("later", "now-there")).create();
    assertThat(reader.data("later")).isEqualTo(Map.of("token", "now-there"));
  }

  private static Secret secret(String name, String token) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("promotion-system")
        .endMetadata()
        .withStringData(Map.of("token", token))
        .build();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
