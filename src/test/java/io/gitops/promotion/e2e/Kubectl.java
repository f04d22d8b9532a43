package io.gitops.promotion.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The control plane's own kubectl (never the machine's {@code /usr/bin/kubectl}, which may be
 * another version or a dispatcher) with one kubeconfig: the admin's, or a ServiceAccount's via
 * {@link #as}.
 */
public final class Kubectl {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Path binary;
  private final Path kubeconfig;
  private final Path manifests;
  private final ExternalCommand command;

  Kubectl(Path binary, Path kubeconfig, Path manifests) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.manifests = manifests;
    this.command =
        new ExternalCommand(
            Path.of("").toAbsolutePath(),
            Map.of("KUBECONFIG", kubeconfig.toString()),
            TIMEOUT,
            false);
  }

  /** The same kubectl with another kubeconfig. */
  public Kubectl as(Path otherKubeconfig) {
    return new Kubectl(binary, otherKubeconfig, manifests);
  }

  /** The kubectl binary itself. */
  public Path binary() {
    return binary;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Runs {@code kubectl <args>}; a non-zero exit is a result, not an exception. */
  public CommandResult run(String... args) {
    List<String> line = new ArrayList<>();
    line.add(binary.toString());
    line.addAll(List.of(args));
    return command.run(line);
  }

  /**
   * {@code kubectl apply -n <namespace> -f <file>} of YAML written to a new file, as a person
   * would.
   */
  public CommandResult apply(String namespace, String yaml, String... extraArgs) {
    List<String> args =
        new ArrayList<>(List.of("apply", "-n", namespace, "-f", write(yaml).toString()));
    args.addAll(List.of(extraArgs));
    return run(args.toArray(String[]::new));
  }

  /** Writes a manifest to a new file and returns its path. */
  public Path write(String yaml) {
    try {
      Files.createDirectories(manifests);
      Path file = Files.createTempFile(manifests, "manifest-", ".yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
