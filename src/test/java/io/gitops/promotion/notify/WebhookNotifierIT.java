package io.gitops.promotion.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.gitlab.RetryPolicy;
import io.gitops.promotion.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WebhookNotifier} against a real HTTP receiver on loopback. */
class WebhookNotifierIT {
  private static final RetryPolicy FAST =
      new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40));
  private static final EnumSet<NotificationEvent> ALL = EnumSet.allOf(NotificationEvent.class);

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private WebhookNotifier notifier;

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.close();
    }
    receiver.close();
  }

  @Test
  void postsTheNoticeToEveryWebhookOfItsRepositoryThatWantsTheEvent() {
    notifier =
        new WebhookNotifier(
            Map.of(
                "argocd",
                    List.of(
                        webhook("/json", ALL, WebhookFormat.JSON),
                        webhook("/slack", ALL, WebhookFormat.SLACK),
                        webhook(
                            "/failures-only",
                            EnumSet.of(NotificationEvent.FAILED),
                            WebhookFormat.JSON)),
                "other", List.of(webhook("/other", ALL, WebhookFormat.JSON))),
            FAST);

    notifier.notify(notice(NotificationEvent.SUCCEEDED, "argocd"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 2);
    assertThat(receiver.deliveries())
        .extracting(WebhookReceiver.Delivery::path)
        .containsExactlyInAnyOrder("/json", "/slack");
    assertThat(receiver.deliveries())
        .allSatisfy(d -> assertThat(d.contentType()).isEqualTo("application/json"));
    assertThat(receiver.deliveries())
        .filteredOn(d -> d.path().equals("/json"))
        .singleElement()
        .satisfies(
            d -> assertThat(d.body()).contains("\"event\":\"Succeeded\"", "\"name\":\"p1\""));
  }

  @Test
  void aFailingReceiverIsTriedAgainWithBackoffUntilItAnswers() {
    receiver.answering(500, 503);
    notifier =
        new WebhookNotifier(
            Map.of("argocd", List.of(webhook("/hook", ALL, WebhookFormat.JSON))), FAST);

    notifier.notify(notice(NotificationEvent.FAILED, "argocd"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 3);
    assertThat(receiver.deliveries())
        .extracting(WebhookReceiver.Delivery::body)
        .containsOnly(receiver.deliveries().get(0).body());
  }

  @Test
  void aReceiverThatNeverAnswersWellIsGivenUpOnAfterTheLastAttempt() {
    receiver.failAlways();
    AtomicInteger urlReads = new AtomicInteger();
    notifier =
        new WebhookNotifier(
            Map.of(
                "argocd",
                List.of(
                    new Webhook(
                        "argocd notifications[0]",
                        () -> {
                          urlReads.incrementAndGet();
                          return receiver.url("/down");
                        },
                        ALL,
                        WebhookFormat.JSON))),
            FAST);

    notifier.notify(notice(NotificationEvent.SUCCEEDED, "argocd"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> receiver.deliveries().size() == FAST.maxAttempts());
    assertThat(urlReads)
        .as("the URL (a Secret) is read at each attempt")
        .hasValue(FAST.maxAttempts());
    notifier.close();
    assertThat(receiver.deliveries()).hasSize(FAST.maxAttempts());
  }

  @Test
  void notifyReturnsAtOnceWhileTheReceiverHangs() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch reached = new CountDownLatch(1);
    notifier =
        new WebhookNotifier(
            Map.of(
                "argocd",
                List.of(
                    new Webhook(
                        "slow",
                        () -> {
                          reached.countDown();
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return receiver.url("/slow");
                        },
                        ALL,
                        WebhookFormat.JSON))),
            FAST);

    long start = System.nanoTime();
    notifier.notify(notice(NotificationEvent.SUCCEEDED, "argocd"));
    notifier.notify(notice(NotificationEvent.FAILED, "argocd"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

    assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 2);
  }

  @Test
  void aNoticeWithoutAKnownRepositoryGoesNowhere() {
    notifier =
        new WebhookNotifier(
            Map.of("argocd", List.of(webhook("/hook", ALL, WebhookFormat.JSON))), FAST);

    notifier.notify(notice(NotificationEvent.SUCCEEDED, null));
    notifier.notify(notice(NotificationEvent.SUCCEEDED, "unknown"));
    notifier.notify(notice(NotificationEvent.PREVIEWED, "argocd"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 1);
    notifier.close();
    assertThat(receiver.deliveries())
        .singleElement()
        .satisfies(d -> assertThat(d.body()).contains("Previewed"));
  }

  private Webhook webhook(String path, EnumSet<NotificationEvent> events, WebhookFormat format) {
    String url = receiver.url(path);
    return new Webhook("test " + path, () -> url, events, format);
  }

  private static Notice notice(NotificationEvent event, String repository) {
    return new Notice(
        event,
        "Promotion",
        "p1",
        "team-a",
        repository,
        "tbd-test",
        "DEV",
        "TST",
        "Promoted",
        "done",
        null,
        null,
        null,
        Instant.parse("2026-12-04T06:00:00Z"));
  }
}
