package io.gitops.promotion.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real etcd + kube-apiserver on loopback, started by {@code hack/controlplane/start.sh} (after
 * {@code install.sh}, which builds the binaries once), with this project's CRDs and the RBAC of
 * {@code deploy/} installed by {@code kubectl apply}. Stopped by {@link #close()}, or by a JVM
 * shutdown hook if the test run ends another way.
 */
public final class ControlPlane implements AutoCloseable {
  public static final String OPERATOR_NAMESPACE = "promotion-system";
  public static final String OPERATOR_SERVICE_ACCOUNT = "promotion-operator";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(40);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final List<String> CRDS =
      List.of("promotions.promotion.gitops.io", "promotionrollbacks.promotion.gitops.io");

  private final Path project;
  private final Path stateDir;
  private final Properties env;
  private final Kubectl kubectl;
  private final KubernetesClient admin;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Thread shutdownHook = new Thread(this::stop, "control-plane-stop");

  private ControlPlane(Path project, Path stateDir, Properties env) {
    this.project = project;
    this.stateDir = stateDir;
    this.env = env;
    this.kubectl =
        new Kubectl(
            Path.of(env.getProperty("KUBECTL")),
            Path.of(env.getProperty("KUBECONFIG")),
            stateDir.resolve("manifests"));
    this.admin =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(read(kubectl.kubeconfig())))
            .build();
  }

  /**
   * Installs (if not cached) and starts a control plane in {@code stateDir}, then installs the CRDs
   * and the operator's namespace, ServiceAccount and RBAC. Fails with the scripts' output.
   */
  public static ControlPlane start(Path project, Path stateDir) {
    ExternalCommand install = new ExternalCommand(project, Map.of(), INSTALL_TIMEOUT, true);
    String bin =
        install.run(List.of("bash", "hack/controlplane/install.sh")).orThrow().stdout().trim();
    ExternalCommand start =
        new ExternalCommand(project, Map.of("CONTROLPLANE_BIN_DIR", bin), START_TIMEOUT, true);
    start.run(List.of("bash", "hack/controlplane/start.sh", stateDir.toString())).orThrow();
    ControlPlane controlPlane = null;
    try {
      controlPlane =
          new ControlPlane(project, stateDir, load(stateDir.resolve("controlplane.env")));
      Runtime.getRuntime().addShutdownHook(controlPlane.shutdownHook);
      controlPlane.installProject();
    } catch (RuntimeException e) {
      if (controlPlane != null) {
        controlPlane.close();
      } else {
        new ExternalCommand(project, Map.of(), START_TIMEOUT, true)
            .run(List.of("bash", "hack/controlplane/stop.sh", stateDir.toString()));
      }
      throw e;
    }
    return controlPlane;
  }

  private void installProject() {
    kubectl.run("apply", "-k", project.resolve("crds").toString()).orThrow();
    kubectl
        .run(
            "wait",
            "--for",
            "condition=Established",
            "--timeout=60s",
            "crd/" + CRDS.get(0),
            "crd/" + CRDS.get(1))
        .orThrow();
    Path deploy = project.resolve("deploy");
    kubectl
        .run(
            "apply",
            "-f",
            deploy.resolve("namespace.yaml").toString(),
            "-f",
            deploy.resolve("serviceaccount.yaml").toString(),
            "-f",
            deploy.resolve("rbac.yaml").toString())
        .orThrow();
  }

  /** kubectl with the admin kubeconfig. */
  public Kubectl kubectl() {
    return kubectl;
  }

  public CommandResult kubectl(String... args) {
    return kubectl.run(args);
  }

  /** A fabric8 client with the admin's credentials, for assertions. */
  public KubernetesClient admin() {
    return admin;
  }

  public String apiServerUrl() {
    return env.getProperty("APISERVER_URL");
  }

  public Path caFile() {
    return Path.of(env.getProperty("CA_FILE"));
  }

  public Path stateDir() {
    return stateDir;
  }

  /**
   * A new namespace named after a test; namespaces are never deleted (there is no namespace
   * controller).
   */
  public String createNamespace(String testName) {
    String slug =
        testName
            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    slug = slug.substring(0, Math.min(40, slug.length())).replaceAll("^-+|-+$", "");
    String name = "e2e-" + slug + "-" + UUID.randomUUID().toString().substring(0, 5);
    kubectl.run("create", "namespace", name).orThrow();
    return name;
  }

  /**
   * Deletes every Promotion and PromotionRollback of a namespace. Their finalizers are removed
   * here: the operator that would remove them may be stopped already.
   */
  public void deleteRuns(String namespace) {
    kubectl
        .run(
            "-n",
            namespace,
            "delete",
            "promotions,promotionrollbacks",
            "--all",
            "--ignore-not-found",
            "--wait=false")
        .orThrow();
    String remaining =
        kubectl
            .run("-n", namespace, "get", "promotions,promotionrollbacks", "-o", "name")
            .orThrow()
            .stdout();
    for (String run : remaining.lines().filter(l -> !l.isBlank()).toList()) {
      CommandResult patched =
          kubectl.run(
              "-n",
              namespace,
              "patch",
              run,
              "--type=merge",
              "-p",
              "{\"metadata\":{\"finalizers\":null}}");
      if (!patched.succeeded() && !patched.stderr().contains("NotFound")) {
        patched.orThrow();
      }
    }
  }

  /**
   * A bearer token of a ServiceAccount, from the TokenRequest API ({@code kubectl create token}).
   */
  public String serviceAccountToken(String namespace, String serviceAccount) {
    return kubectl
        .run("-n", namespace, "create", "token", serviceAccount, "--duration=2h")
        .orThrow()
        .stdout()
        .trim();
  }

  /**
   * A fabric8 client that authenticates with a bearer token only, defaulting to {@code namespace}.
   */
  public KubernetesClient clientWithToken(String token, String namespace) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(apiServerUrl())
            .withCaCertFile(caFile().toString())
            .withOauthToken(token)
            .withNamespace(namespace)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Writes a kubeconfig that authenticates with a bearer token only. */
  public Path writeTokenKubeconfig(Path file, String user, String token, String namespace) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: e2e
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: %s
          user:
            token: %s
        contexts:
        - name: %s
          context: {cluster: e2e, user: %s, namespace: %s}
        current-context: %s
        """
            .formatted(apiServerUrl(), caFile(), user, token, user, user, namespace, user);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
    stop();
  }

  private void stop() {
    if (stopped.compareAndSet(false, true)) {
      admin.close();
      new ExternalCommand(project, Map.of(), START_TIMEOUT, true)
          .run(List.of("bash", "hack/controlplane/stop.sh", stateDir.toString()))
          .orThrow();
    }
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
