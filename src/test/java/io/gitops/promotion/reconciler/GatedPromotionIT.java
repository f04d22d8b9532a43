package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.gate.FreezeWindow;
import io.gitops.promotion.gate.FreezeWindows;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.gate.SoakPolicy;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Promotion into a frozen environment waits in Pending (condition Gated, status.gate.opensAt),
 * does not hold up the promotions behind it, and runs by itself when the window ends: the
 * operator's clock is set two seconds before the end of a window, and no test sleeps.
 */
@EnableKubernetesMockClient(crud = true)
class GatedPromotionIT {
  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** Noon to 13:00 UTC every day, for TST. */
  private static final FreezeWindow LUNCH =
      new FreezeWindow(
          "lunch",
          FreezeWindow.Kind.DENY,
          CRON.parse("0 12 * * *"),
          Duration.ofHours(1),
          ZoneId.of("UTC"),
          Set.of("TST"));

  static KubernetesClient client;

  @TempDir Path dir;
  private OperatorHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    OperatorHarness.deletePromotions(client);
  }

  @Test
  void aFrozenPromotionWaitsInPendingWithoutHoldingOthersUpAndRunsWhenTheWindowEnds() {
    startOperatorAt(Instant.parse("2026-12-04T12:59:58Z")); // two seconds before the end

    create("frozen", "tbd-test", "DEV", "TST");
    create("behind-it", "payments", "TST", "STG");

    Promotion behind = awaitPhase("behind-it", Phase.SUCCEEDED);
    Promotion done = awaitPhase("frozen", Phase.SUCCEEDED);

    assertThat(Instant.parse(behind.getStatus().getCompletedAt()))
        .isBefore(Instant.parse(done.getStatus().getStartedAt()));
    assertThat(Conditions.find(done.getStatus().getConditions(), Conditions.GATED).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("GateOpen");
            });
    assertThat(done.getStatus().getGate()).isNull();
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("FreezeWindow"));
  }

  @Test
  void whileFrozenTheStatusNamesTheWindowAndWhenItOpens() {
    GitOpsRepository repo = startOperatorAt(Instant.parse("2026-12-04T12:10:00Z"));
    String head = repo.head();

    create("frozen", "tbd-test", "DEV", "TST");

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Promotion p =
                  client.resources(Promotion.class).inNamespace("default").withName("frozen").get();
              return p.getStatus() != null && p.getStatus().getGate() != null;
            });
    Promotion gated =
        client.resources(Promotion.class).inNamespace("default").withName("frozen").get();
    assertThat(gated.getStatus().getPhase()).isEqualTo(Phase.PENDING);
    assertThat(gated.getStatus().getReason()).isEqualTo("FreezeWindow");
    assertThat(gated.getStatus().getGate().getOpensAt()).isEqualTo("2026-12-04T13:00:00Z");
    assertThat(gated.getStatus().getMessage())
        .contains("TST is frozen by window 'lunch' until 2026-12-04T13:00:00Z");
    assertThat(
            Conditions.find(gated.getStatus().getConditions(), Conditions.GATED)
                .orElseThrow()
                .getStatus())
        .isEqualTo("True");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aForcedPromotionGoesThroughAClosedWindowWithAGateOverriddenWarning() {
    GitOpsRepository repo = startOperatorAt(Instant.parse("2026-12-04T12:10:00Z"));
    String head = repo.head();

    PromotionSpec spec = spec("tbd-test", "DEV", "TST");
    spec.setForce(true);
    spec.setReason("hotfix for INC-42");
    create("forced", spec);

    Promotion done = awaitPhase("forced", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit()).isNotEqualTo(head);
    assertThat(repo.head()).isEqualTo(done.getStatus().getCommit());
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("InProgress"))
        .filteredOn(e -> e.getReason().equals("GateOverridden"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage())
                  .contains("forced through a closed gate")
                  .contains("lunch")
                  .endsWith(": hotfix for INC-42");
            });
  }

  /** The example repository, and the operator started with its clock at {@code now}. */
  private GitOpsRepository startOperatorAt(Instant now) {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), now));
    harness =
        new OperatorHarness(
            client,
            repo.fileUrl(),
            dir.resolve("cache"),
            null,
            clock,
            new Gates(new FreezeWindows(List.of(LUNCH)), SoakPolicy.none()));
    return repo;
  }

  private static PromotionSpec spec(String group, String from, String to) {
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup(group);
    spec.setSourceEnv(from);
    spec.setTargetEnv(to);
    spec.setDryRun(false);
    return spec;
  }

  private void create(String name, String group, String from, String to) {
    create(name, spec(group, from, to));
  }

  private void create(String name, PromotionSpec spec) {
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    p.setSpec(spec);
    client.resource(p).create();
  }

  private Promotion awaitPhase(String name, Phase phase) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Promotion p =
                  client.resources(Promotion.class).inNamespace("default").withName(name).get();
              return p != null && p.getStatus() != null && p.getStatus().getPhase() == phase;
            });
    return client.resources(Promotion.class).inNamespace("default").withName(name).get();
  }
}
