package io.gitops.promotion.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One operator replica as its own JVM ({@code java -jar target/promotion-operator.jar operator}),
 * so that a test can kill it with SIGKILL ({@link #kill()}) as a node failure would. Started with
 * small, quick-starting JVM settings: several replicas share two CPUs with the control plane.
 */
final class OperatorReplica implements AutoCloseable {
  static final Path JAR = Path.of("target/promotion-operator.jar").toAbsolutePath();

  private final String id;
  private final Process process;
  private final OperatorHttp http;
  private final Path log;

  private OperatorReplica(String id, Process process, int port, Path log) {
    this.id = id;
    this.process = process;
    this.http = new OperatorHttp(port);
    this.log = log;
  }

  /** Starts the replica; ready once its {@code /readyz} answers 200. */
  static OperatorReplica start(String id, Path config, Path kubeconfig, int port, Path log) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-jar",
                JAR.toString(),
                "operator",
                "--config",
                config.toString(),
                "--replica-id",
                id));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().remove("POD_NAME");
    OperatorReplica replica;
    try {
      replica = new OperatorReplica(id, builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await("replica " + id + " ready (log " + log + ")")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(replica::ready);
    return replica;
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "replica " + id + " exited with " + process.exitValue() + "; log: " + log);
    }
    try {
      HttpResponse<String> response = http.get("/readyz");
      return response.statusCode() == 200;
    } catch (IllegalStateException notListeningYet) {
      return false;
    }
  }

  String id() {
    return id;
  }

  double metric(String name) {
    return http.sum(name, java.util.Map.of());
  }

  /** SIGKILL: no shutdown hook runs, no Lease is given back. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
