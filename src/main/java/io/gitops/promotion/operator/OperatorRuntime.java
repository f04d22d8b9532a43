package io.gitops.promotion.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.GitSettings;
import io.gitops.promotion.config.LeaderElection;
import io.gitops.promotion.config.OperatorConfig;
import io.gitops.promotion.config.RepositoryConfig;
import io.gitops.promotion.config.VerificationConfig;
import io.gitops.promotion.config.WebhookSettings;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.RepositoryRunner;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.WorkspaceCache;
import io.gitops.promotion.gitlab.Gitlab4jMergeRequests;
import io.gitops.promotion.gitlab.MergeRequestClients;
import io.gitops.promotion.gitlab.RetryPolicy;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.gitlabhook.GitLabHookReceiver;
import io.gitops.promotion.gitlabhook.GitLabHookServer;
import io.gitops.promotion.gitlabhook.MergeRequestSignals;
import io.gitops.promotion.gitlabhook.PeerAddresses;
import io.gitops.promotion.gitlabhook.PeerForwarding;
import io.gitops.promotion.gitlabhook.ProjectRepositories;
import io.gitops.promotion.gitlabhook.SecretToken;
import io.gitops.promotion.lease.LeaseKeeper;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.notify.WebhookNotifier;
import io.gitops.promotion.publish.GitLabPublication;
import io.gitops.promotion.publish.GitLabSteps;
import io.gitops.promotion.reconciler.EventRecorder;
import io.gitops.promotion.reconciler.PhaseNotifications;
import io.gitops.promotion.reconciler.PromotionReconciler;
import io.gitops.promotion.reconciler.PromotionRollbackReconciler;
import io.gitops.promotion.reconciler.RunSubjects;
import io.gitops.promotion.reconciler.StatusPatcher;
import io.gitops.promotion.rollback.RollbackService;
import io.gitops.promotion.rollback.RollbackValidator;
import io.gitops.promotion.run.PushRetry;
import io.gitops.promotion.run.RepositoryWriters;
import io.gitops.promotion.run.RunLoop;
import io.gitops.promotion.steps.AfterSteps;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Everything the {@code operator} command runs, wired from the configuration: the engine service,
 * the reconcilers, JOSDK, and the metrics and health endpoints.
 */
public final class OperatorRuntime implements AutoCloseable {
  private final WorkspaceCache workspaces;
  private final RepositoryWriters writers;
  private final PromotionOperator operator;
  private final HealthServer health;
  private final WebhookNotifier notifier;
  private final LeaseKeeper leaseKeeper;
  private final MergeRequestClients mergeRequests;
  private final GitLabHookServer hooks;

  private OperatorRuntime(
      WorkspaceCache workspaces,
      RepositoryWriters writers,
      PromotionOperator operator,
      HealthServer health,
      WebhookNotifier notifier,
      LeaseKeeper leaseKeeper,
      MergeRequestClients mergeRequests,
      GitLabHookServer hooks) {
    this.mergeRequests = mergeRequests;
    this.hooks = hooks;
    this.workspaces = workspaces;
    this.writers = writers;
    this.operator = operator;
    this.health = health;
    this.notifier = notifier;
    this.leaseKeeper = leaseKeeper;
  }

  public static OperatorRuntime start(OperatorConfig config, KubernetesClient client, Clock clock) {
    return start(config, client, clock, defaultReplica());
  }

  /** This process as a replica: host name and process id, unique on one machine too. */
  public static String defaultReplica() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "promotion-operator";
    }
    return host + "-" + ProcessHandle.current().pid();
  }

  /**
   * @param replica this replica's identity: the holder of its Leases and the name on the status it
   *     writes (in a cluster, the pod name)
   */
  public static OperatorRuntime start(
      OperatorConfig config, KubernetesClient client, Clock clock, String replica) {
    String namespace = client.getNamespace() == null ? "default" : client.getNamespace();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    PromotionMetrics metrics = new PromotionMetrics(registry);
    ConfiguredRepositories repositories = new ConfiguredRepositories(config, client, namespace);
    WorkspaceCache workspaces = new WorkspaceCache(config.git().cacheDir());
    PersonIdent committer = new PersonIdent(config.committer().name(), config.committer().email());
    GitSettings git = config.git();
    RunLoop loop =
        new RunLoop(
            committer,
            clock,
            new PushRetry(
                git.pushRetryBudget(),
                git.maxPushAttempts(),
                PushRetry.DEFAULT.firstStep(),
                PushRetry.DEFAULT.maxStep()),
            Sleeper.blocking(),
            metrics);
    List<String> repositoryNames =
        config.repositories().stream().map(RepositoryConfig::name).toList();
    RepositoryLeases leases =
        config.repositoryLeases().enabled()
            ? RepositoryLeases.shared(replica, repositoryNames, clock)
            : RepositoryLeases.everything(replica);
    RepositoryWriters writers = new RepositoryWriters(loop, git.maxBatch(), leases);
    RepositoryRunner runner = new RepositoryRunner(workspaces, writers);
    MergeRequestClients mergeRequests =
        new MergeRequestClients(
            target ->
                new Gitlab4jMergeRequests(
                    target.url(),
                    target.token(),
                    target.timeouts(),
                    RetryPolicy.defaults(),
                    Sleeper.blocking(),
                    metrics));
    GitLabPublication publication =
        new GitLabPublication(
            config.releaseFrom().stream().map(Environment::name).collect(Collectors.toSet()),
            metrics);
    PromotionService promotions =
        new PromotionService(
            repositories,
            new RequestValidator(config.environments()),
            config.versionServices(),
            runner,
            clock,
            config.gates(),
            mergeRequests,
            publication);
    RollbackService rollbacks =
        new RollbackService(
            repositories,
            new RollbackValidator(config.environments()),
            config.rollbackWindow(),
            runner,
            clock,
            config.gates(),
            mergeRequests);
    RunSubjects subjects =
        new RunSubjects(name -> config.repository(name).map(RepositoryConfig::name));
    WebhookNotifier notifier =
        new WebhookNotifier(repositories.webhooks(), WebhookNotifier.DEFAULT_RETRY);
    StatusPatcher statusPatcher =
        new StatusPatcher(client, replica, new PhaseNotifications(subjects, notifier, clock));
    EventRecorder events = new EventRecorder(client, clock, subjects);
    MergeRequestSignals mergeRequestSignals = new MergeRequestSignals();
    List<Reconciler<?>> reconcilers =
        List.of(
            new PromotionReconciler(
                promotions,
                new AfterSteps<>(List.of(GitLabSteps.forPromotions(publication))),
                statusPatcher,
                events,
                metrics,
                clock,
                config.repositories().stream()
                    .flatMap(r -> r.verificationConfig().stream())
                    .map(VerificationConfig::namespace)
                    .collect(Collectors.toSet()),
                leases,
                mergeRequestSignals),
            new PromotionRollbackReconciler(
                rollbacks,
                new AfterSteps<>(List.of(GitLabSteps.forRollbacks(publication))),
                statusPatcher,
                events,
                metrics,
                clock,
                leases,
                mergeRequestSignals));

    LeaderElection election = config.leaderElection();
    LeaderElectionConfiguration lease =
        !election.enabled()
            ? null
            : new LeaderElectionConfiguration(
                election.leaseName(),
                election.leaseNamespace() != null ? election.leaseNamespace() : namespace);
    PromotionOperator operator =
        new PromotionOperator(
            client, registry, reconcilers, lease, new HashSet<>(config.watchNamespaces()));
    HealthServer health =
        new HealthServer(config.httpPort(), registry, operator::isAlive, operator::isReady).start();
    operator.start();
    GitLabHookServer hooks =
        config.webhook().enabled()
            ? hookServer(config, repositories, mergeRequestSignals, metrics).start()
            : null;
    LeaseKeeper keeper = null;
    if (config.repositoryLeases().enabled()) {
      metrics.leasesHeld(() -> leases.held().size());
      keeper =
          new LeaseKeeper(
                  client,
                  namespace,
                  repositoryNames,
                  config.repositoryLeases(),
                  leases,
                  writers,
                  metrics,
                  clock)
              .start();
    }
    return new OperatorRuntime(
        workspaces, writers, operator, health, notifier, keeper, mergeRequests, hooks);
  }

  /**
   * The GitLab webhook endpoint: its token read from the Secret at each delivery; what it accepts
   * passed on to the other replicas when {@code webhook.peers} names them.
   */
  private static GitLabHookServer hookServer(
      OperatorConfig config,
      ConfiguredRepositories repositories,
      MergeRequestSignals signals,
      PromotionMetrics metrics) {
    WebhookSettings webhook = config.webhook();
    Map<String, String> projects = new LinkedHashMap<>();
    config
        .repositories()
        .forEach(r -> r.gitlabProject().ifPresent(g -> projects.put(r.name(), g.projectId())));
    return new GitLabHookServer(
        webhook.port(),
        webhook.path(),
        new GitLabHookReceiver(
            new SecretToken(
                () -> repositories.secretValue(webhook.secretName(), webhook.secretKey()).trim()),
            new ProjectRepositories(projects),
            signals,
            metrics,
            webhook
                .peersHost()
                .map(
                    host ->
                        new PeerForwarding(new PeerAddresses(host, webhook.port(), webhook.path())))
                .orElse(PeerForwarding.NONE),
            GitLabHookReceiver.MAX_BODY));
  }

  public int httpPort() {
    return health.port();
  }

  /** The port of the GitLab webhook endpoint; -1 when it is off. */
  public int webhookPort() {
    return hooks == null ? -1 : hooks.port();
  }

  @Override
  public void close() {
    operator.close();
    if (leaseKeeper != null) {
      leaseKeeper.close();
    }
    health.close();
    if (hooks != null) {
      hooks.close();
    }
    writers.close();
    workspaces.close();
    notifier.close();
    mergeRequests.close();
  }
}
