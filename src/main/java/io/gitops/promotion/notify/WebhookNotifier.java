package io.gitops.promotion.notify;

import io.gitops.promotion.gitlab.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notices to the webhooks of their repository on one background thread. A delivery that fails
 * (no answer, a non-2xx status) is tried again after a growing pause, up to the policy's attempts,
 * then dropped with a warning: a notification never holds up or fails the run it tells about. Log
 * lines name the webhook by its label, never by its URL.
 */
public final class WebhookNotifier implements Notifier, AutoCloseable {
  /** Five attempts over about half a minute, then the receiver is given up on for that notice. */
  public static final RetryPolicy DEFAULT_RETRY =
      new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(30));

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final Map<String, List<Webhook>> byRepository;
  private final RetryPolicy retry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "webhook-notifications");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param byRepository repository name -> its webhooks
   */
  public WebhookNotifier(Map<String, List<Webhook>> byRepository, RetryPolicy retry) {
    this.byRepository = Map.copyOf(byRepository);
    this.retry = retry;
  }

  @Override
  public void notify(Notice notice) {
    if (notice.repository() == null) {
      return;
    }
    for (Webhook webhook : byRepository.getOrDefault(notice.repository(), List.of())) {
      if (webhook.wants(notice.event())) {
        schedule(webhook, notice, 1, Duration.ZERO);
      }
    }
  }

  private void schedule(Webhook webhook, Notice notice, int attempt, Duration delay) {
    try {
      executor.schedule(
          () -> deliver(webhook, notice, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.atWarn()
          .addKeyValue("webhook", webhook.label())
          .addKeyValue("event", notice.event().value())
          .log("notification dropped: the operator is stopping");
    }
  }

  private void deliver(Webhook webhook, Notice notice, int attempt) {
    String failure;
    String url = null;
    try {
      url = webhook.url().get();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      webhook.format().body(notice), StandardCharsets.UTF_8))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        return;
      }
      failure = "HTTP " + status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      String message = e.getMessage() == null ? "" : ": " + e.getMessage();
      failure =
          e.getClass().getSimpleName()
              + (url == null ? message : message.replace(url, "<webhook url>"));
    }
    boolean again = attempt < retry.maxAttempts();
    LOG.atWarn()
        .addKeyValue("webhook", webhook.label())
        .addKeyValue("event", notice.event().value())
        .addKeyValue("namespace", notice.namespace())
        .addKeyValue("name", notice.name())
        .addKeyValue("attempt", attempt)
        .addKeyValue("failure", failure)
        .log(again ? "notification failed; trying again" : "notification failed; giving up");
    if (again) {
      schedule(webhook, notice, attempt + 1, retry.delayAfter(attempt));
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
