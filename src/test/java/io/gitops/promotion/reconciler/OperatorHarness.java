package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.PromotionService;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RepositoryCatalog;
import io.gitops.promotion.engine.RepositoryRunner;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.WorkspaceCache;
import io.gitops.promotion.gitlab.GitLabTarget;
import io.gitops.promotion.gitlab.MergeRequestClients;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.gitlabhook.MergeRequestSignals;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.lease.RepositoryLeases;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.operator.PromotionOperator;
import io.gitops.promotion.publish.GitLabPublication;
import io.gitops.promotion.publish.GitLabSteps;
import io.gitops.promotion.rollback.RollbackService;
import io.gitops.promotion.rollback.RollbackValidator;
import io.gitops.promotion.run.PushRetry;
import io.gitops.promotion.run.RepositoryWriters;
import io.gitops.promotion.run.RunLoop;
import io.gitops.promotion.steps.AfterSteps;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The operator wired as in production, on a test API server and one test repository named "argocd".
 */
final class OperatorHarness implements AutoCloseable {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final PromotionOperator operator;

  /** What the GitLab webhook endpoint tells the reconcilers; a test may start one on it. */
  final MergeRequestSignals mergeRequestSignals = new MergeRequestSignals();

  private final WorkspaceCache workspaces;
  private final RepositoryWriters writers;
  private final MergeRequestClients mergeRequestClients = new MergeRequestClients();

  OperatorHarness(KubernetesClient client, String repositoryUrl, Path cacheDir) {
    this(client, repositoryUrl, cacheDir, null);
  }

  /**
   * @param gitlab the repository's GitLab project, or null for none
   */
  OperatorHarness(
      KubernetesClient client, String repositoryUrl, Path cacheDir, GitLabTarget gitlab) {
    this(client, repositoryUrl, cacheDir, gitlab, Clock.systemUTC(), Gates.none());
  }

  /**
   * @param clock the operator's clock; @param gates its freeze windows and soak times
   */
  OperatorHarness(
      KubernetesClient client,
      String repositoryUrl,
      Path cacheDir,
      GitLabTarget gitlab,
      Clock clock,
      Gates gates) {
    this(client, repositoryUrl, cacheDir, gitlab, clock, gates, RepositoryLeases.everything(null));
  }

  /**
   * @param leases the repositories this replica works on, and its name on the status
   */
  OperatorHarness(
      KubernetesClient client,
      String repositoryUrl,
      Path cacheDir,
      GitLabTarget gitlab,
      Clock clock,
      Gates gates,
      RepositoryLeases leases) {
    this(
        client,
        repositoryUrl,
        cacheDir,
        gitlab,
        clock,
        gates,
        EnvironmentCatalog.defaults(),
        MergeRequestSettings.DEFAULT,
        leases);
  }

  /**
   * @param environments the configured environments (their gates)
   * @param mergeRequest the repository's merge request settings
   */
  OperatorHarness(
      KubernetesClient client,
      String repositoryUrl,
      Path cacheDir,
      GitLabTarget gitlab,
      Clock clock,
      Gates gates,
      EnvironmentCatalog environments,
      MergeRequestSettings mergeRequest) {
    this(
        client,
        repositoryUrl,
        cacheDir,
        gitlab,
        clock,
        gates,
        environments,
        mergeRequest,
        RepositoryLeases.everything(null));
  }

  private OperatorHarness(
      KubernetesClient client,
      String repositoryUrl,
      Path cacheDir,
      GitLabTarget gitlab,
      Clock clock,
      Gates gates,
      EnvironmentCatalog environments,
      MergeRequestSettings mergeRequest,
      RepositoryLeases leases) {
    TargetRepository repository =
        new TargetRepository(
            "argocd",
            new GitRemote(repositoryUrl, "main", GitCredentials.none()),
            OverlaysLayout.defaults(),
            gitlab,
            null,
            mergeRequest);
    workspaces = new WorkspaceCache(cacheDir);
    PromotionMetrics metrics = new PromotionMetrics(registry);
    RepositoryCatalog catalog =
        name -> {
          if (name != null && !name.equals("argocd")) {
            throw new RequestRejectedException(
                RejectionReason.UNKNOWN_REPOSITORY, "unknown repository '" + name + "'");
          }
          return repository;
        };
    PersonIdent committer = new PersonIdent("promotion-operator", "po@example.com");
    writers =
        new RepositoryWriters(
            new RunLoop(committer, clock, PushRetry.DEFAULT, Sleeper.blocking(), metrics),
            50,
            leases);
    RepositoryRunner runner = new RepositoryRunner(workspaces, writers);
    GitLabPublication publication = new GitLabPublication(Set.of("DEV"), metrics);
    PromotionService promotions =
        new PromotionService(
            catalog,
            new RequestValidator(environments),
            Map.of("tbd-test", "frontend"),
            runner,
            clock,
            gates,
            mergeRequestClients,
            publication);
    RollbackService rollbacks =
        new RollbackService(
            catalog,
            new RollbackValidator(environments),
            RollbackWindow.DEFAULT,
            runner,
            clock,
            gates,
            mergeRequestClients);
    StatusPatcher statusPatcher = new StatusPatcher(client, leases.replica());
    EventRecorder events = new EventRecorder(client, clock);
    operator =
        new PromotionOperator(
            client,
            registry,
            List.of(
                new PromotionReconciler(
                    promotions,
                    new AfterSteps<>(List.of(GitLabSteps.forPromotions(publication))),
                    statusPatcher,
                    events,
                    metrics,
                    clock,
                    Set.of(),
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
                    mergeRequestSignals)),
            null,
            Set.of());
    operator.start();
  }

  /**
   * Deletes every Promotion, its finalizer first: the operator that would have removed it is
   * stopped.
   */
  static void deletePromotions(KubernetesClient client) {
    deleteWithoutFinalizers(client, Promotion.class);
  }

  /** Deletes every PromotionRollback, its finalizer first, as {@link #deletePromotions}. */
  static void deleteRollbacks(KubernetesClient client) {
    deleteWithoutFinalizers(client, PromotionRollback.class);
  }

  private static <T extends HasMetadata> void deleteWithoutFinalizers(
      KubernetesClient client, Class<T> type) {
    for (T r : client.resources(type).inAnyNamespace().list().getItems()) {
      client
          .resources(type)
          .inNamespace(r.getMetadata().getNamespace())
          .withName(r.getMetadata().getName())
          .edit(
              latest -> {
                latest.getMetadata().setFinalizers(List.of());
                return latest;
              });
    }
    client.resources(type).inAnyNamespace().delete();
  }

  @Override
  public void close() {
    operator.close();
    writers.close();
    workspaces.close();
    mergeRequestClients.close();
  }
}
