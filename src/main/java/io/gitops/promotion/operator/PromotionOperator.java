package io.gitops.promotion.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: JOSDK with the Promotion (and PromotionRollback) reconcilers registered,
 * JOSDK's meters in the given registry, and leader election through a Lease when configured.
 */
public final class PromotionOperator implements AutoCloseable {
  /**
   * Runs on one repository are serialised anyway, so more threads only wait; JOSDK's default of 200
   * cost each waiting reconciliation a thread stack (the operator benchmark saw 164 threads).
   */
  static final int RECONCILE_THREADS = 16;

  private static final Logger LOG = LoggerFactory.getLogger(PromotionOperator.class);

  private final Operator operator;
  private volatile boolean stopping;

  /**
   * @param leaderElection the Lease that elects one active replica, or null to run without leader
   *     election
   * @param namespaces namespaces to watch; empty for all
   */
  public PromotionOperator(
      KubernetesClient client,
      MeterRegistry registry,
      List<Reconciler<?>> reconcilers,
      LeaderElectionConfiguration leaderElection,
      Set<String> namespaces) {
    this.operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                  .withStopOnInformerErrorDuringStartup(true)
                  .withMetrics(
                      MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry)
                          .build());
              if (leaderElection != null) {
                o.withLeaderElectionConfiguration(exitOnlyWhenTheLeaseIsLost(leaderElection));
              }
            });
    for (Reconciler<?> reconciler : reconcilers) {
      operator.register(
          reconciler,
          o -> {
            if (!namespaces.isEmpty()) {
              o.settingNamespaces(namespaces);
            }
          });
    }
  }

  /**
   * JOSDK exits the JVM whenever leading stops, a deliberate {@link #close()} included: from the
   * shutdown hook that System.exit blocks for ever (SIGTERM never ends the process), and it kills a
   * JVM that embeds the operator. The same Lease, but exiting only when leadership is lost while
   * running.
   */
  private LeaderElectionConfiguration exitOnlyWhenTheLeaseIsLost(
      LeaderElectionConfiguration lease) {
    LeaderCallbacks callbacks = new LeaderCallbacks(() -> {}, this::stoppedLeading, leader -> {});
    return new LeaderElectionConfiguration(
        lease.getLeaseName(),
        lease.getLeaseNamespace().orElse(null),
        lease.getLeaseDuration(),
        lease.getRenewDeadline(),
        lease.getRetryPeriod(),
        lease.getIdentity().orElse(null),
        callbacks,
        false);
  }

  private void stoppedLeading() {
    if (!stopping) {
      LOG.error("Lost the leader-election Lease; exiting so that only the new leader reconciles");
      System.exit(1);
    }
  }

  public void start() {
    operator.start();
  }

  /** Started, and every informer is connected and synced. */
  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  public boolean isAlive() {
    return operator.getRuntimeInfo().isStarted();
  }

  @Override
  public void close() {
    stopping = true;
    operator.stop();
  }
}
