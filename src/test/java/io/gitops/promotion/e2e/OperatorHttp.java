package io.gitops.promotion.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's HTTP endpoints ({@code /metrics}, {@code /healthz}, {@code /readyz}) on loopback.
 */
final class OperatorHttp {
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  OperatorHttp(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String metrics() {
    HttpResponse<String> response = get("/metrics");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  /**
   * The sum of the samples of one metric whose labels include all of {@code labels}; 0 when none.
   */
  double sum(String metric, Map<String, String> labels) {
    double total = 0;
    for (String line : metrics().lines().toList()) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches() && m.group(1).equals(metric) && hasLabels(m.group(3), labels)) {
        total += Double.parseDouble(m.group(4));
      }
    }
    return total;
  }

  private static boolean hasLabels(String text, Map<String, String> labels) {
    Map<String, String> present = new HashMap<>();
    Matcher m = LABEL.matcher(text == null ? "" : text);
    while (m.find()) {
      present.put(m.group(1), m.group(2));
    }
    return present.entrySet().containsAll(labels.entrySet());
  }
}
