package io.gitops.promotion.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;

/**
 * The running operator: JOSDK with the Promotion (and PromotionRollback) reconcilers registered,
 * JOSDK's meters in the given registry, and leader election through a Lease when configured.
 */
public final class PromotionOperator implements AutoCloseable {
  private final Operator operator;

  /**
   * @param leaderElection the Lease that elects one active replica, or null to run without leader election
   * @param namespaces namespaces to watch; empty for all
   */
  public PromotionOperator(KubernetesClient client, MeterRegistry registry, List<Reconciler<?>> reconcilers,
      LeaderElectionConfiguration leaderElection, Set<String> namespaces) {
    this.operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withCloseClientOnStop(false)
          .withUseSSAToPatchPrimaryResource(false)
          .withStopOnInformerErrorDuringStartup(true)
          .withMetrics(MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build());
      if (leaderElection != null) {
        o.withLeaderElectionConfiguration(leaderElection);
      }
    });
    for (Reconciler<?> reconciler : reconcilers) {
      operator.register(reconciler, o -> {
        if (!namespaces.isEmpty()) {
          o.settingNamespaces(namespaces);
        }
      });
    }
  }

  public void start() {
    operator.start();
  }

  /** Started, and every informer is connected and synced. */
  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  public boolean isAlive() {
    return operator.getRuntimeInfo().isStarted();
  }

  @Override
  public void close() {
    operator.stop();
  }
}
