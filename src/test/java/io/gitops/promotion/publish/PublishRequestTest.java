package io.gitops.promotion.publish;

import static io.gitops.promotion.publish.Promotions.BACKEND;
import static io.gitops.promotion.publish.Promotions.COMMIT;
import static io.gitops.promotion.publish.Promotions.DEV;
import static io.gitops.promotion.publish.Promotions.FRONTEND;
import static io.gitops.promotion.publish.Promotions.STARTED;
import static io.gitops.promotion.publish.Promotions.STG;
import static io.gitops.promotion.publish.Promotions.TST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.rollback.Conflict;
import io.gitops.promotion.rollback.Restoration;
import io.gitops.promotion.rollback.RollbackOutcome;
import io.gitops.promotion.rollback.RollbackParameters;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import io.gitops.promotion.rollback.RollbackValidator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishRequestTest {

  @Test
  void carriesThePromotionTheReleaseNamesAndTheChangedApplicationsLeadServiceFirst() {
    PublishRequest request = Promotions.devToTst();

    assertThat(request.pushed()).isTrue();
    assertThat(request.commit()).isEqualTo(COMMIT);
    assertThat(request.gitlabProject()).isEqualTo("4242");
    assertThat(request.branch()).isEqualTo("main");
    assertThat(request.startedAt()).isEqualTo(STARTED);
    assertThat(request.target()).isEqualTo(TST);
    assertThat(request.releaseSource()).isTrue();
    assertThat(request.releaseTag()).isEqualTo("v1.5.0");
    assertThat(request.promotionName()).isEqualTo("tbd-test [DEV] v1.5.0 → [TST] v1.3.0");
    assertThat(request.releaseHeading())
        .isEqualTo("Promotion: tbd-test [DEV] v1.5.0 → [TST] v1.3.0");
    assertThat(request.tagMessage()).isEqualTo("Promote tbd-test [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(request.applications())
        .containsExactly(
            new PromotedApplication("frontend", "tbd-test", "1.3.0", "1.5.0", 1331L),
            new PromotedApplication("backend", "tbd-test-backend", "1.2.0", "1.4.0", 1332L));
  }

  @Test
  void anApplicationWithoutGitLabProjectHasNone() {
    PromotionResult result =
        Promotions.result(
            PromotionOutcome.PROMOTED,
            DEV,
            TST,
            "1.5.0",
            List.of(BACKEND, FRONTEND),
            Map.of("frontend/tbd-test", 1331L));

    PublishRequest request =
        PublishRequest.of(result, PublishSettings.of("devops/argocd", "main"), STARTED);

    assertThat(request.applications().get(1).project()).isEmpty();
    assertThat(request.applications().get(0).project()).contains("1331");
  }

  @Test
  void theReleaseSourcesAreConfigurableAndMatchIgnoringCase() {
    PromotionResult result =
        Promotions.result(
            PromotionOutcome.PROMOTED, TST, STG, "1.3.0", List.of(FRONTEND), Map.of());

    assertThat(PublishRequest.of(result, PublishSettings.of("1", "main"), STARTED).releaseSource())
        .isFalse();
    assertThat(
            PublishRequest.of(
                    result, new PublishSettings("1", "main", Set.of("dev", "tst")), STARTED)
                .releaseSource())
        .isTrue();
    assertThat(new PublishSettings("1", "main", Set.of()).releaseFrom()).containsExactly("DEV");
  }

  @Test
  void aRollbackRequestDeploysTheRestoredVersionsWithTheirProjectsAndIsNoReleaseSource() {
    RollbackRequest rollback =
        new RollbackValidator(EnvironmentCatalog.defaults())
            .validate(
                new RollbackParameters(
                    "r-1", "tbd-test", "TST", false, false, null, "bob", null, null));
    RollbackResult restored =
        new RollbackResult(
            RollbackOutcome.PARTIALLY_RESTORED,
            "Roll back tbd-test [TST] v1.5.0 (promotion p-1)",
            "p-1",
            List.of(
                new Restoration("backend", "tbd-test-backend", "1.4.0", "1.2.0"),
                new Restoration("backend", "tbd-test-worker", "0.9.0", "0.8.1")),
            List.of(new Conflict("frontend", "tbd-test", "1.5.0", "1.5.1", "1.3.0")),
            "",
            COMMIT,
            false,
            0,
            Map.of("backend/tbd-test-backend", 1332L, "frontend/tbd-test", 1331L));

    PublishRequest request =
        PublishRequest.ofRollback(rollback, restored, PublishSettings.of("4242", "main"), STARTED);

    assertThat(request.pushed()).isTrue();
    assertThat(request.isRollback()).isTrue();
    assertThat(request.releaseSource()).isFalse();
    assertThat(request.releaseTag()).isNull();
    assertThat(request.commit()).isEqualTo(COMMIT);
    assertThat(request.branch()).isEqualTo("main");
    assertThat(request.target()).isEqualTo(TST);
    assertThat(request.startedAt()).isEqualTo(STARTED);
    assertThat(request.outcome()).isEqualTo("PartiallyRestored");
    assertThat(request.applications())
        .containsExactly(
            new PromotedApplication("backend", "tbd-test-backend", "1.4.0", "1.2.0", 1332L),
            new PromotedApplication("backend", "tbd-test-worker", "0.9.0", "0.8.1", null));
  }

  @Test
  void describesAChangeForWarnings() {
    assertThat(
            new PromotedApplication("backend", "tbd-test-backend", "1.2.0", "1.4.0", null)
                .describe())
        .isEqualTo("backend/tbd-test-backend 1.2.0 -> 1.4.0");
    assertThat(new PromotedApplication("worker", "w", null, "1.0.0", null).describe())
        .isEqualTo("worker/w (none) -> 1.0.0");
  }

  @Test
  void aPromotedResultWithoutCommitIsRefused() {
    PromotionResult previewed =
        Promotions.result(
            PromotionOutcome.PREVIEWED, DEV, TST, "1.5.0", List.of(FRONTEND), Map.of());
    PromotionResult broken =
        new PromotionResult(
            PromotionOutcome.PROMOTED, previewed.title(), previewed.plan(), "", null, false, 0);

    assertThat(PublishRequest.of(previewed, PublishSettings.of("1", "main"), STARTED).pushed())
        .isFalse();
    assertThatThrownBy(() -> PublishRequest.of(broken, PublishSettings.of("1", "main"), STARTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a promoted result has a commit");
  }
}
