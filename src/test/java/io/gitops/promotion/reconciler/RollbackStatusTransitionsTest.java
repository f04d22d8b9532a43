package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.GitLabDeployment;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.api.PromotionRollbackStatus;
import io.gitops.promotion.api.Reasons;
import io.gitops.promotion.publish.DeploymentsOutcome;
import io.gitops.promotion.publish.DeploymentsStepResult;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.publish.RecordedDeployment;
import io.gitops.promotion.publish.ReleaseOutcome;
import io.gitops.promotion.publish.ReleaseStepResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackStatusTransitionsTest {
  private static final Instant STARTED = Instant.parse("2026-11-22T10:00:00Z");
  private static final ReleaseStepResult NO_RELEASE =
      new ReleaseStepResult(
          ReleaseOutcome.SKIPPED,
          "a rollback makes no release",
          null,
          null,
          false,
          false,
          null,
          List.of());

  private final RollbackStatusTransitions transitions =
      new RollbackStatusTransitions(Clock.fixed(STARTED, ZoneOffset.UTC));

  private static PromotionRollback rollback() {
    PromotionRollback r = new PromotionRollback();
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName("undo")
            .withNamespace("default")
            .withGeneration(1L)
            .build());
    return r;
  }

  @Test
  void aRunThatStartedStaysRunningWithItsStartTimeWhileItWaitsForTheRepository() {
    PromotionRollback r = rollback();
    PromotionRollbackStatus s = RollbackStatusTransitions.statusOf(r);
    transitions.waiting(r, s, Reasons.WAITING_FOR_REPOSITORY, "waiting for repository argocd");
    assertThat(s.getPhase()).isEqualTo(Phase.PENDING);
    transitions.running(r, s, "rolling back");
    String startedAt = s.getStartedAt();

    transitions.waiting(r, s, Reasons.WAITING_FOR_REPOSITORY, "waiting for repository argocd");

    assertThat(s.getPhase()).isEqualTo(Phase.RUNNING);
    assertThat(s.getReason()).isEqualTo(Reasons.WAITING_FOR_REPOSITORY);
    assertThat(s.getStartedAt()).isEqualTo(startedAt).isEqualTo("2026-11-22T10:00:00Z");
  }

  @Test
  void recordsTheDeploymentsAndTheirConditionButNoRelease() {
    PromotionRollback r = rollback();
    PublishResult published =
        new PublishResult(
            false,
            NO_RELEASE,
            new DeploymentsStepResult(
                DeploymentsOutcome.ALREADY_EXISTED,
                "every deployment was already registered",
                List.of(new RecordedDeployment("1234", "TST", 7, "abc123", "main"))),
            List.of());

    transitions.published(r, published);

    PromotionRollbackStatus s = r.getStatus();
    assertThat(s.getGitlab().getDeployments())
        .containsExactly(new GitLabDeployment("1234", "TST", 7L, "abc123"));
    assertThat(s.getGitlab().getSkipped()).isFalse();
    assertThat(s.getGitlab().getReleaseTag()).isNull();
    assertThat(s.getGitlab().getTagCreated()).isNull();
    assertThat(Conditions.find(s.getConditions(), Conditions.DEPLOYMENTS_RECORDED).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo(Conditions.TRUE);
              assertThat(c.getReason()).isEqualTo(Reasons.DEPLOYMENTS_CREATED);
              assertThat(c.getMessage())
                  .isEqualTo("AlreadyExisted: every deployment was already registered");
            });
    assertThat(Conditions.find(s.getConditions(), Conditions.RELEASED)).isEmpty();
  }

  @Test
  void withoutGitLabTheDeploymentsAreSkipped() {
    PromotionRollback r = rollback();

    transitions.published(r, PublishResult.notConfigured());

    assertThat(r.getStatus().getGitlab().getSkipped()).isTrue();
    assertThat(
            Conditions.find(r.getStatus().getConditions(), Conditions.DEPLOYMENTS_RECORDED)
                .orElseThrow()
                .getReason())
        .isEqualTo(Reasons.DEPLOYMENTS_SKIPPED);
  }
}
