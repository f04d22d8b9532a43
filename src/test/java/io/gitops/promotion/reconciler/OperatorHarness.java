package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.WorkspaceCache;
import io.gitops.promotion.metrics.PromotionMetrics;
import io.gitops.promotion.operator.PromotionOperator;
import io.gitops.promotion.promotion.PromotionRejectedException;
import io.gitops.promotion.promotion.PromotionService;
import io.gitops.promotion.promotion.RejectionReason;
import io.gitops.promotion.promotion.RepositoryLayout;
import io.gitops.promotion.promotion.RepositoryLocks;
import io.gitops.promotion.promotion.RepositoryRunner;
import io.gitops.promotion.promotion.RequestValidator;
import io.gitops.promotion.promotion.TargetRepository;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.PersonIdent;

/** The operator wired as in production, on a test API server and one test repository named "argocd". */
final class OperatorHarness implements AutoCloseable {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final PromotionOperator operator;
  private final WorkspaceCache workspaces;

  OperatorHarness(KubernetesClient client, String repositoryUrl, Path cacheDir) {
    TargetRepository repository = new TargetRepository("argocd",
        new GitRemote(repositoryUrl, "main", GitCredentials.none()), RepositoryLayout.defaults());
    workspaces = new WorkspaceCache(cacheDir);
    PromotionMetrics metrics = new PromotionMetrics(registry);
    PromotionService service = new PromotionService(
        name -> {
          if (name != null && !name.equals("argocd")) {
            throw new PromotionRejectedException(RejectionReason.UNKNOWN_REPOSITORY, "unknown repository '" + name + "'");
          }
          return repository;
        },
        new RequestValidator(EnvironmentCatalog.defaults()), Map.of("tbd-test", "frontend"),
        new RepositoryRunner(workspaces, new RepositoryLocks()),
        new PersonIdent("promotion-operator", "po@example.com"), Clock.systemUTC(), metrics, 5);
    PromotionReconciler reconciler = new PromotionReconciler(service, new StatusPatcher(client),
        new EventRecorder(client, Clock.systemUTC()), metrics, Clock.systemUTC());
    operator = new PromotionOperator(client, registry, List.of(reconciler), null, Set.of());
    operator.start();
  }

  @Override
  public void close() {
    operator.close();
    workspaces.close();
  }
}
