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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion with extra environment variables and a time limit, collecting stdout
 * and stderr; stdin is empty. Optionally streams stderr to this JVM's stderr too, for long scripts
 * whose progress a person should see.
 */
public final class ExternalCommand {
  private final Path workDir;
  private final Map<String, String> environment;
  private final Duration timeout;
  private final boolean echoStderr;

  public ExternalCommand(
      Path workDir, Map<String, String> environment, Duration timeout, boolean echoStderr) {
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
    this.echoStderr = echoStderr;
  }

  public CommandResult run(List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    // One thread per pipe: a shared pool may run one reader after the other while the process
    // blocks
    // on the other, full, pipe.
    FutureTask<String> stdout = reader(() -> read(process.getInputStream(), false));
    FutureTask<String> stderr = reader(() -> read(process.getErrorStream(), echoStderr));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new CommandResult(
          List.copyOf(command), process.exitValue(), stdout.get(), stderr.get());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the output of " + command, e.getCause());
    }
  }

  private static FutureTask<String> reader(Callable<String> read) {
    FutureTask<String> task = new FutureTask<>(read);
    Thread thread = new Thread(task, "external-command-output");
    thread.setDaemon(true);
    thread.start();
    return task;
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
