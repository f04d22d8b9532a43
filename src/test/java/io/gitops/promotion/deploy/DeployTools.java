package io.gitops.promotion.deploy;

import io.gitops.promotion.e2e.CommandResult;
import io.gitops.promotion.e2e.ExternalCommand;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * helm, kubeconform and promtool as {@code hack/tools/install.sh} builds them from Go modules
 * (once, cached by version), and the Kubernetes JSON schemas it makes for kubeconform offline.
 */
public record DeployTools(
    Path project,
    Path helm,
    Path kubeconform,
    Path promtool,
    Path schemas,
    Path prometheusOperatorCrds) {
  public static final Path CHART = Path.of("deploy/helm/promotion-operator");
  // A cold build of the three tools takes minutes on two cores; a warm run returns at once.
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

  /** Runs install.sh (a no-op when cached) and reads the tool paths it prints. */
  public static DeployTools install(Path project) {
    String out =
        new ExternalCommand(project, Map.of(), INSTALL_TIMEOUT, true)
            .run(List.of("bash", "hack/tools/install.sh"))
            .orThrow()
            .stdout();
    Properties paths = new Properties();
    try {
      paths.load(new StringReader(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeployTools(
        project,
        path(paths, "HELM"),
        path(paths, "KUBECONFORM"),
        path(paths, "PROMTOOL"),
        path(paths, "KUBECONFORM_SCHEMAS"),
        path(paths, "PROMETHEUS_OPERATOR_CRDS"));
  }

  public static DeployTools install() {
    return install(Path.of("").toAbsolutePath());
  }

  /** A CRD of the prometheus-operator module, e.g. {@code servicemonitors}. */
  public Path prometheusOperatorCrd(String plural) {
    return prometheusOperatorCrds.resolve("monitoring.coreos.com_" + plural + ".yaml");
  }

  public CommandResult helm(String... args) {
    return run(helm, args);
  }

  public CommandResult promtool(String... args) {
    return run(promtool, args);
  }

  /**
   * {@code helm template <release> <chart> -n <namespace> --include-crds [extra args]}: the
   * manifests as installed.
   */
  public String template(String release, String namespace, String... extraArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "template", release, CHART.toString(), "--namespace", namespace, "--include-crds"));
    args.addAll(List.of(extraArgs));
    return helm(args.toArray(String[]::new)).orThrow().stdout();
  }

  /**
   * kubeconform in strict mode against the schemas of the E2E's Kubernetes version only (no
   * download).
   */
  public CommandResult kubeconform(Path... manifests) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-strict",
                "-summary",
                "-verbose",
                "-schema-location",
                schemas + "/{{ .ResourceKind }}{{ .KindSuffix }}.json"));
    for (Path manifest : manifests) {
      args.add(manifest.toString());
    }
    return run(kubeconform, args.toArray(String[]::new));
  }

  private CommandResult run(Path tool, String... args) {
    List<String> command = new ArrayList<>(List.of(tool.toString()));
    command.addAll(List.of(args));
    return new ExternalCommand(project, Map.of(), RUN_TIMEOUT, false).run(command);
  }

  private static Path path(Properties paths, String key) {
    String value = paths.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("hack/tools/install.sh printed no " + key);
    }
    return Path.of(value);
  }
}
