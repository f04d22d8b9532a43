package io.gitops.promotion.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Promotion into a frozen environment on the real API server: Pending with condition Gated and
 * {@code status.gate.opensAt}, then it runs by itself when the window ends. The test's window
 * opened at the current minute and ends 40 seconds from the test's start.
 */
@ExtendWith(RealControlPlane.class)
class FreezeWindowE2E {
  private ControlPlane controlPlane;
  private String namespace;
  private InProcessOperator operator;
  private Instant windowEnd;

  @BeforeEach
  void start(ControlPlane controlPlane, TestInfo test) throws Exception {
    this.controlPlane = controlPlane;
    namespace = controlPlane.createNamespace(test.getTestMethod().orElseThrow().getName());
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    ZonedDateTime opened = now.withSecond(0).withNano(0);
    windowEnd = now.plusSeconds(40).withNano(0).toInstant();
    long seconds = Duration.between(opened.toInstant(), windowEnd).getSeconds();
    String windows =
        """
        freezeWindows:
          - name: release-freeze
            schedule: "%d %d * * *"
            duration: %ds
            environments: [TST]
        """
            .formatted(opened.getMinute(), opened.getHour(), seconds);
    operator =
        InProcessOperator.start(
            controlPlane,
            RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace),
            "",
            windows);
  }

  @AfterEach
  void stop() throws Exception {
    if (operator != null) {
      operator.close();
    }
    controlPlane.deleteRuns(namespace);
  }

  @Test
  void aFrozenPromotionWaitsWithItsOpeningTimeAndRunsWhenTheWindowEnds() {
    String head = operator.repository().head();
    controlPlane
        .kubectl()
        .apply(
            namespace,
            """
        apiVersion: promotion.gitops.io/v1alpha1
        kind: Promotion
        metadata:
          name: frozen
        spec:
          workloadGroup: tbd-test
          sourceEnv: DEV
          targetEnv: TST
          dryRun: false
        """)
        .orThrow();

    Promotion gated =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                this::frozen,
                p -> p != null && p.getStatus() != null && p.getStatus().getGate() != null);
    assertThat(gated.getStatus().getPhase()).isEqualTo(Phase.PENDING);
    assertThat(gated.getStatus().getGate().getOpensAt()).isEqualTo(windowEnd.toString());
    assertThat(gated.getStatus().getMessage())
        .isEqualTo("TST is frozen by window 'release-freeze' until " + windowEnd);
    assertThat(operator.repository().head()).isEqualTo(head);

    Promotion done =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                this::frozen,
                p -> p.getStatus() != null && p.getStatus().getPhase() == Phase.SUCCEEDED);
    assertThat(Instant.parse(done.getStatus().getStartedAt())).isAfterOrEqualTo(windowEnd);
    assertThat(
            Conditions.find(done.getStatus().getConditions(), Conditions.GATED)
                .orElseThrow()
                .getReason())
        .isEqualTo("GateOpen");
    assertThat(operator.repository().head()).isEqualTo(done.getStatus().getCommit());
  }

  private Promotion frozen() {
    return controlPlane
        .admin()
        .resources(Promotion.class)
        .inNamespace(namespace)
        .withName("frozen")
        .get();
  }
}
