package io.gitops.promotion.e2e;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion with extra environment variables and a time limit, collecting stdout
 * and stderr; stdin is empty. Optionally streams stderr to this JVM's stderr too, for long scripts
 * whose progress a person should see.
 */
final class ExternalCommand {
  private final Path workDir;
  private final Map<String, String> environment;
  private final Duration timeout;
  private final boolean echoStderr;

  ExternalCommand(Path workDir, Map<String, String> environment, Duration timeout, boolean echoStderr) {
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
    this.echoStderr = echoStderr;
  }

  CommandResult run(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream(), false));
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream(), echoStderr));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new CommandResult(List.copyOf(command), process.exitValue(), stdout.get(), stderr.get());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the output of " + command, e.getCause());
    }
  }

  private static String read(InputStream in, boolean echo) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        text.write(buffer, 0, n);
        if (echo) {
          System.err.write(buffer, 0, n);
          System.err.flush();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
