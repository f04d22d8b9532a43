package io.gitops.promotion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code promote} command as a user runs it: a new JVM per run ({@code java -jar}), timed wall
 * clock from process start to exit, start-up included. Output is discarded; a non-zero exit fails
 * the benchmark with the command's error output.
 */
final class CliScenario {
  private final Path jar;
  private final Path scratch;
  private final Map<String, String> environment;

  CliScenario(Path jar, Path scratch, Map<String, String> environment) {
    this.jar = jar;
    this.scratch = scratch;
    this.environment = environment;
  }

  Samples run(List<String> arguments, int warmups, int runs) {
    Samples samples = new Samples();
    for (int i = 0; i < warmups + runs; i++) {
      double millis = once(arguments);
      if (i >= warmups) {
        samples.add(millis, Double.NaN);
      }
    }
    return samples;
  }

  private double once(List<String> arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(arguments);
    try {
      Files.createDirectories(scratch);
      Path errors = Files.createTempFile(scratch, "cli-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(errors.toFile());
      builder.environment().putAll(environment);
      long start = System.nanoTime();
      int exit = builder.start().waitFor();
      double millis = (System.nanoTime() - start) / 1e6;
      if (exit != 0) {
        throw new IllegalStateException(
            "exit "
                + exit
                + " from "
                + String.join(" ", command)
                + ":\n"
                + Files.readString(errors));
      }
      Files.delete(errors);
      return millis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
