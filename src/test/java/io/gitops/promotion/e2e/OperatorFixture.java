package io.gitops.promotion.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.CustomResource;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.RunStatus;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per test: a new namespace on the shared {@link ControlPlane}, a new example GitOps repository and
 * an {@link InProcessOperator} running as the ServiceAccount. Afterwards the operator stops and the
 * test's Promotions and PromotionRollbacks are deleted, so the next test's operator (which watches
 * all namespaces, as deployed) finds nothing of this test left to run.
 */
public final class OperatorFixture implements BeforeEachCallback, AfterEachCallback {
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  private ControlPlane controlPlane;
  private String namespace;
  private InProcessOperator operator;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    controlPlane = RealControlPlane.of(context);
    namespace = controlPlane.createNamespace(context.getRequiredTestMethod().getName());
    Path workDir = RealControlPlane.STATE_DIR.resolveSibling("runs").resolve(namespace);
    operator = InProcessOperator.start(controlPlane, workDir);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (operator != null) {
        operator.close();
      }
    } finally {
      if (namespace != null) {
        controlPlane.deleteRuns(namespace);
      }
    }
  }

  public ControlPlane controlPlane() {
    return controlPlane;
  }

  /** kubectl as the admin. */
  public Kubectl kubectl() {
    return controlPlane.kubectl();
  }

  public String namespace() {
    return namespace;
  }

  public InProcessOperator operator() {
    return operator;
  }

  public GitOpsRepository repository() {
    return operator.repository();
  }

  /** {@code kubectl apply -n <test namespace> -f <file>}. */
  public CommandResult apply(Path manifest) {
    return kubectl().run("apply", "-n", namespace, "-f", manifest.toString());
  }

  /** {@code kubectl apply} of YAML written to a new file, in the test's namespace. */
  public CommandResult apply(String yaml) {
    return kubectl().apply(namespace, yaml);
  }

  public Promotion promotion(String name) {
    return controlPlane
        .admin()
        .resources(Promotion.class)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  public PromotionRollback rollback(String name) {
    return controlPlane
        .admin()
        .resources(PromotionRollback.class)
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  public Promotion awaitPromotion(String name, Phase phase) {
    return awaitPhase(name, phase, this::promotion);
  }

  public PromotionRollback awaitRollback(String name, Phase phase) {
    return awaitPhase(name, phase, this::rollback);
  }

  private <T extends CustomResource<?, ? extends RunStatus>> T awaitPhase(
      String name, Phase phase, Function<String, T> read) {
    return await("phase " + phase.value() + " of " + namespace + "/" + name)
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> read.apply(name),
            r -> r != null && r.getStatus() != null && r.getStatus().getPhase() == phase);
  }
}
