package io.gitops.promotion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The operator as a separate JVM ({@code java -jar promotion-operator.jar operator --config ...}),
 * so that its resident set can be read from {@code /proc/<pid>/status}; its {@code /metrics} is
 * scraped over loopback. {@link #close()} stops it (TERM, then KILL after 20 s).
 */
final class OperatorProcess implements AutoCloseable {
  private final Process process;
  private final int httpPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OperatorProcess(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  static OperatorProcess start(
      Path jar, Path config, Path kubeconfig, List<String> jvmOptions, Path log, int httpPort)
      throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "operator", "--config", config.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("KUBECONFIG", kubeconfig.toString()));
    OperatorProcess operator = new OperatorProcess(builder.start(), httpPort);
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                if (!operator.process.isAlive()) {
                  throw new IllegalStateException(
                      "the operator exited with " + operator.process.exitValue() + "; log: " + log);
                }
                return operator.get("/readyz").map(r -> r.statusCode() == 200).orElse(false);
              });
    } catch (ConditionTimeoutException e) {
      operator.close();
      throw new IllegalStateException("the operator was not ready within 120 s; log: " + log, e);
    }
    return operator;
  }

  long pid() {
    return process.pid();
  }

  /** VmRSS of the operator process in KiB, or -1 when it cannot be read. */
  long rssKib() {
    return status("VmRSS:");
  }

  /** Threads of the operator process, or -1 when it cannot be read. */
  long threads() {
    return status("Threads:");
  }

  private long status(String key) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Sum of all series of one metric in {@code /metrics} (Prometheus text format), NaN when absent.
   */
  double metric(String name) {
    String body =
        get("/metrics")
            .map(HttpResponse::body)
            .orElseThrow(() -> new IllegalStateException("/metrics failed"));
    double sum = Double.NaN;
    for (String line : body.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        sum = Double.isNaN(sum) ? value : sum + value;
      }
    }
    return sum;
  }

  private java.util.Optional<HttpResponse<String>> get(String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return java.util.Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  /** Samples VmRSS every {@code periodMillis}, at most {@code maxSamples} times; keeps the peak. */
  RssSampler sampleRss(long periodMillis, int maxSamples) {
    return new RssSampler(periodMillis, maxSamples);
  }

  final class RssSampler implements AutoCloseable {
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rss-sampler");
              t.setDaemon(true);
              return t;
            });
    private final AtomicLong peak = new AtomicLong(-1);
    private final AtomicLong peakThreads = new AtomicLong(-1);
    private final AtomicInteger samples = new AtomicInteger();

    private RssSampler(long periodMillis, int maxSamples) {
      scheduler.scheduleAtFixedRate(
          () -> {
            if (samples.incrementAndGet() > maxSamples) {
              scheduler.shutdown();
              return;
            }
            long rss = rssKib();
            peak.accumulateAndGet(rss, Math::max);
            peakThreads.accumulateAndGet(threads(), Math::max);
          },
          0,
          periodMillis,
          TimeUnit.MILLISECONDS);
    }

    long peakKib() {
      return peak.get();
    }

    long peakThreads() {
      return peakThreads.get();
    }

    int samples() {
      return Math.min(samples.get(), Integer.MAX_VALUE);
    }

    @Override
    public void close() throws InterruptedException {
      scheduler.shutdownNow();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** SIGKILL, as the kernel's OOM killer or a node failure would end it: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
