package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The probes and Prometheus metrics of the running operator, as the Deployment and Prometheus see
 * them.
 */
class OperatorEndpointsE2E {
  @RegisterExtension final OperatorFixture cluster = new OperatorFixture();

  @Test
  void healthAndReadinessAnswer200OnceTheInformersAreSynced() {
    OperatorHttp http = new OperatorHttp(cluster.operator().httpPort());
    assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    await("/readyz 200")
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/readyz").statusCode() == 200);
  }

  @Test
  void metricsCountPromotionRunsAndReconciliations() {
    cluster.apply(Path.of("src/test/resources/e2e/promotion-dev-to-tst.yaml")).orThrow();
    cluster.awaitPromotion("tbd-test-dev-to-tst", Phase.SUCCEEDED);
    OperatorHttp http = new OperatorHttp(cluster.operator().httpPort());

    String metrics = http.metrics();
    assertThat(metrics)
        .contains(
            "promotion_runs_total{kind=\"promotion\",result=\"Promoted\",source=\"DEV\",target=\"TST\"} 1.0");
    assertThat(metrics).contains("# TYPE promotion_run_duration_seconds histogram");
    assertThat(
            http.sum(
                "operator_sdk_reconciliations_success_total",
                Map.of(
                    "kind",
                    "Promotion",
                    "name",
                    "tbd-test-dev-to-tst",
                    "namespace",
                    cluster.namespace())))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(metrics).contains("jvm_memory_used_bytes");
  }
}
