package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.PromotionStatus;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SupersessionTest {
  private static final Function<Promotion, String> ONE_REPOSITORY = p -> "argocd";

  private static Promotion promotion(
      String name, String created, String group, String target, Phase phase, boolean hasRequest) {
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup(group);
    spec.setSourceEnv("TST");
    spec.setTargetEnv(target);
    spec.setDryRun(false);
    Promotion p = new Promotion();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace("default")
            .withUid("uid-" + name)
            .withCreationTimestamp(created)
            .build());
    p.setSpec(spec);
    if (phase != null) {
      PromotionStatus status = new PromotionStatus();
      status.setPhase(phase);
      if (hasRequest) {
        status.setMergeRequest(new MergeRequestStatus());
      }
      p.setStatus(status);
    }
    return p;
  }

  private final Promotion older =
      promotion("older", "2026-12-04T07:00:00Z", "tbd-test", "STG", Phase.AWAITING_MERGE, true);

  @Test
  void theNewestYoungerPromotionOfTheGroupAndEnvironmentWithItsOwnRequestSupersedes() {
    Promotion newer =
        promotion("newer", "2026-12-04T07:05:00Z", "tbd-test", "STG", Phase.AWAITING_MERGE, true);
    Promotion newest =
        promotion("newest", "2026-12-04T07:06:00Z", "tbd-test", "stg", Phase.SUCCEEDED, true);

    assertThat(Supersession.newerThan(older, List.of(older, newer, newest), ONE_REPOSITORY))
        .contains(newest);
    assertThat(Supersession.newerThan(newer, List.of(older, newer, newest), ONE_REPOSITORY))
        .contains(newest);
    assertThat(Supersession.newerThan(newest, List.of(older, newer, newest), ONE_REPOSITORY))
        .isEmpty();
  }

  @Test
  void otherGroupsEnvironmentsRepositoriesOlderFailedAndRequestlessPromotionsSupersedeNothing() {
    List<Promotion> all =
        List.of(
            older,
            promotion(
                "other-group",
                "2026-12-04T07:05:00Z",
                "payments",
                "STG",
                Phase.AWAITING_MERGE,
                true),
            promotion(
                "other-env", "2026-12-04T07:05:00Z", "tbd-test", "PRD", Phase.AWAITING_MERGE, true),
            promotion("failed", "2026-12-04T07:05:00Z", "tbd-test", "STG", Phase.FAILED, true),
            promotion("running", "2026-12-04T07:05:00Z", "tbd-test", "STG", Phase.RUNNING, false),
            promotion("new", "2026-12-04T07:05:00Z", "tbd-test", "STG", null, false),
            promotion(
                "before", "2026-12-04T06:55:00Z", "tbd-test", "STG", Phase.AWAITING_MERGE, true));

    assertThat(Supersession.newerThan(older, all, ONE_REPOSITORY)).isEmpty();
    Promotion elsewhere =
        promotion(
            "elsewhere", "2026-12-04T07:05:00Z", "tbd-test", "STG", Phase.AWAITING_MERGE, true);
    assertThat(
            Supersession.newerThan(
                older, List.of(older, elsewhere), p -> p == elsewhere ? "other" : "argocd"))
        .isEmpty();
  }

  @Test
  void aPreviewSupersedesNothing() {
    Promotion preview =
        promotion("preview", "2026-12-04T07:05:00Z", "tbd-test", "STG", Phase.PREVIEWED, true);
    preview.getSpec().setDryRun(true);

    assertThat(Supersession.newerThan(older, List.of(older, preview), ONE_REPOSITORY)).isEmpty();
  }

  @Test
  void theOlderPromotionsAwaitingTheirMergeAreTheOnesToWake() {
    Promotion newer =
        promotion("newer", "2026-12-04T07:05:00Z", "tbd-test", "STG", Phase.AWAITING_MERGE, true);
    Promotion otherGroup =
        promotion("other", "2026-12-04T07:01:00Z", "payments", "STG", Phase.AWAITING_MERGE, true);
    Promotion finished =
        promotion("done", "2026-12-04T07:02:00Z", "tbd-test", "STG", Phase.SUCCEEDED, true);

    assertThat(
            Supersession.olderAwaiting(
                newer, List.of(older, newer, otherGroup, finished), ONE_REPOSITORY))
        .containsExactly(older);
  }
}
