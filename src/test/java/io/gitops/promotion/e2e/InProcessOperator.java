package io.gitops.promotion.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.OperatorConfig;
import io.gitops.promotion.operator.OperatorRuntime;
import io.gitops.promotion.testing.GitHttpServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * The operator as production wires it ({@link OperatorRuntime}), running in this JVM but
 * authenticated only as the {@code deploy/} ServiceAccount: a bearer token from the TokenRequest
 * API, no admin credentials. It promotes in a {@link GitOpsRepository} seeded from {@code
 * hack/example}, served over smart HTTP with basic authentication whose credentials it reads from
 * the real Secret {@code argocd-git}, and it elects itself leader through a Lease in {@code
 * promotion-system}.
 */
public final class InProcessOperator implements AutoCloseable {
  public static final String REPOSITORY = "argocd";
  public static final String CREDENTIALS_SECRET = "argocd-git";
  public static final String LEASE = "promotion-operator";
  private static final String GIT_USER = "promotion-operator";

  private final ControlPlane controlPlane;
  private final Path workDir;
  private final GitOpsRepository repository;
  private final GitHttpServer gitServer;
  private KubernetesClient client;
  private OperatorRuntime runtime;
  private int generation;
  private final String repositoryExtra;
  private final String configurationExtra;
  private final String gitPassword;
  private String token;

  private InProcessOperator(
      ControlPlane controlPlane,
      Path workDir,
      GitOpsRepository repository,
      GitHttpServer gitServer,
      String repositoryExtra,
      String configurationExtra,
      String gitPassword) {
    this.gitPassword = gitPassword;
    this.controlPlane = controlPlane;
    this.workDir = workDir;
    this.repository = repository;
    this.gitServer = gitServer;
    this.repositoryExtra = repositoryExtra;
    this.configurationExtra = configurationExtra;
  }

  /**
   * A new repository, Git server and Secret, and an operator that takes a fresh Lease: the Lease a
   * previous in-process operator held is deleted, since JOSDK does not release it on stop (a new
   * pod would wait for it to expire; {@link #restart()} shows that).
   */
  public static InProcessOperator start(ControlPlane controlPlane, Path workDir) throws Exception {
    return start(controlPlane, workDir, "");
  }

  /**
   * @param repositoryExtra more keys of the repository's configuration, indented for it (e.g.
   *     verification)
   */
  public static InProcessOperator start(
      ControlPlane controlPlane, Path workDir, String repositoryExtra) throws Exception {
    return start(controlPlane, workDir, repositoryExtra, "");
  }

  /**
   * @param configurationExtra more top-level keys of the configuration (e.g. freezeWindows)
   */
  public static InProcessOperator start(
      ControlPlane controlPlane, Path workDir, String repositoryExtra, String configurationExtra)
      throws Exception {
    return start(
        controlPlane, workDir, GitOpsRepository.EXAMPLE, repositoryExtra, configurationExtra);
  }

  /**
   * @param seed the files of the GitOps repository, e.g. an example of {@code hack/examples/}
   */
  public static InProcessOperator start(
      ControlPlane controlPlane,
      Path workDir,
      Path seed,
      String repositoryExtra,
      String configurationExtra)
      throws Exception {
    Path gitRoot = workDir.resolve("git");
    GitOpsRepository repository = GitOpsRepository.create(gitRoot, REPOSITORY + ".git", seed);
    String password = UUID.randomUUID().toString();
    GitHttpServer gitServer = GitHttpServer.start(gitRoot, GIT_USER, password);
    controlPlane
        .kubectl()
        .apply(
            ControlPlane.OPERATOR_NAMESPACE,
            """
        apiVersion: v1
        kind: Secret
        metadata:
          name: %s
        type: kubernetes.io/basic-auth
        stringData:
          username: %s
          password: %s
        """
                .formatted(CREDENTIALS_SECRET, GIT_USER, password))
        .orThrow();
    controlPlane
        .kubectl(
            "-n", ControlPlane.OPERATOR_NAMESPACE, "delete", "lease", LEASE, "--ignore-not-found")
        .orThrow();
    InProcessOperator operator =
        new InProcessOperator(
            controlPlane,
            workDir,
            repository,
            gitServer,
            repositoryExtra,
            configurationExtra,
            password);
    try {
      operator.startRuntime();
    } catch (RuntimeException e) {
      operator.close();
      throw e;
    }
    return operator;
  }

  /**
   * Stops the operator and starts a new one, as a new pod would: new token, new client, empty Git
   * cache.
   */
  public void restart() {
    stopRuntime();
    startRuntime();
  }

  public GitOpsRepository repository() {
    return repository;
  }

  public String repositoryUrl() {
    return gitServer.url(REPOSITORY + ".git");
  }

  /** The client the operator uses: the ServiceAccount's token, namespace promotion-system. */
  public KubernetesClient serviceAccountClient() {
    return client;
  }

  /** The password of the Git server's user, in the Secret {@value #CREDENTIALS_SECRET}. */
  public String gitPassword() {
    return gitPassword;
  }

  /** The ServiceAccount token the running operator authenticates with. */
  public String serviceAccountToken() {
    return token;
  }

  public int httpPort() {
    return runtime.httpPort();
  }

  /** The port of the GitLab webhook endpoint; -1 when the configuration has none. */
  public int webhookPort() {
    return runtime.webhookPort();
  }

  private void startRuntime() {
    generation++;
    token =
        controlPlane.serviceAccountToken(
            ControlPlane.OPERATOR_NAMESPACE, ControlPlane.OPERATOR_SERVICE_ACCOUNT);
    client = controlPlane.clientWithToken(token, ControlPlane.OPERATOR_NAMESPACE);
    OperatorConfig config = new ConfigLoader().parse(configuration(), "e2e operator.yaml");
    runtime = OperatorRuntime.start(config, client, Clock.systemUTC());
  }

  private String configuration() {
    return """
        repositories:
          - name: %s
            url: %s
            branch: main
            credentialsSecret: %s
            %s
        %s
        versionServices:
          tbd-test: frontend
        committer:
          name: promotion-operator
          email: promotion-operator@example.com
        git:
          cacheDir: %s
        httpPort: %d
        leaderElection:
          enabled: true
          leaseName: %s
        """
        .formatted(
            REPOSITORY,
            repositoryUrl(),
            CREDENTIALS_SECRET,
            repositoryExtra.strip(),
            configurationExtra.strip(),
            workDir.resolve("git-cache-" + generation).toAbsolutePath(),
            freePort(),
            LEASE);
  }

  private void stopRuntime() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public void close() throws Exception {
    stopRuntime();
    gitServer.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
