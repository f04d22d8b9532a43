package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackSpec;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.notify.Notice;
import io.gitops.promotion.notify.NotificationEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhaseNotificationsTest {
  private final List<Notice> told = new ArrayList<>();
  private final PhaseNotifications notifications =
      new PhaseNotifications(
          new RunSubjects(name -> Optional.of(name == null ? "argocd" : name)),
          told::add,
          Clock.fixed(Instant.parse("2026-12-04T06:00:00Z"), ZoneOffset.UTC));

  @Test
  void tellsEachPhaseWebhooksHearOnceAndNothingOfTheOthers() {
    Promotion promotion = promotion("p1");
    for (Phase phase :
        List.of(
            Phase.PENDING,
            Phase.RUNNING,
            Phase.PREVIEWED,
            Phase.PREVIEWED,
            Phase.RUNNING,
            Phase.SUCCEEDED,
            Phase.SUCCEEDED)) {
      promotion.getStatus().setPhase(phase);
      notifications.accept(promotion);
    }

    assertThat(told)
        .extracting(Notice::event)
        .containsExactly(NotificationEvent.PREVIEWED, NotificationEvent.SUCCEEDED);
    Notice succeeded = told.get(1);
    assertThat(succeeded.repository())
        .as("the only repository, spec naming none")
        .isEqualTo("argocd");
    assertThat(succeeded.name()).isEqualTo("p1");
    assertThat(succeeded.namespace()).isEqualTo("team-a");
    assertThat(succeeded.group()).isEqualTo("tbd-test");
    assertThat(succeeded.sourceEnv()).isEqualTo("DEV");
    assertThat(succeeded.commit()).isEqualTo("abc123");
    assertThat(succeeded.time()).isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
  }

  @Test
  void aRollbackIsToldAsRolledBackWithTheGroupItResolved() {
    PromotionRollback rollback = new PromotionRollback();
    rollback.setMetadata(
        new ObjectMetaBuilder().withName("undo").withNamespace("team-a").withUid("u2").build());
    rollback.setSpec(new PromotionRollbackSpec());
    PromotionRollbackStatus status = new PromotionRollbackStatus();
    status.setWorkloadGroup("tbd-test");
    status.setTargetEnv("TST");
    status.setPhase(Phase.SUCCEEDED);
    rollback.setStatus(status);

    notifications.accept(rollback);

    assertThat(told)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.event()).isEqualTo(NotificationEvent.ROLLED_BACK);
              assertThat(n.kind()).isEqualTo("PromotionRollback");
              assertThat(n.group()).isEqualTo("tbd-test");
              assertThat(n.targetEnv()).isEqualTo("TST");
            });
  }

  @Test
  void twoRunsInTheSamePhaseAreBothTold() {
    Promotion first = promotion("p1");
    Promotion second = promotion("p2");
    first.getStatus().setPhase(Phase.FAILED);
    second.getStatus().setPhase(Phase.FAILED);

    notifications.accept(first);
    notifications.accept(second);

    assertThat(told).extracting(Notice::name).containsExactly("p1", "p2");
  }

  private static Promotion promotion(String name) {
    Promotion promotion = new Promotion();
    promotion.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace("team-a")
            .withUid("uid-" + name)
            .build());
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup("tbd-test");
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    promotion.setSpec(spec);
    PromotionStatus status = new PromotionStatus();
    status.setCommit("abc123");
    promotion.setStatus(status);
    return promotion;
  }
}
