package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.gitops.promotion.api.MergeRequestStatus;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.gitlabhook.MergeRequestRef;
import io.gitops.promotion.gitlabhook.MergeRequestSignal;
import org.junit.jupiter.api.Test;

/** Which resources a merge request signal wakes: those awaiting that request, nothing else. */
class MergeRequestWakeUpsTest {
  private static final String BRANCH = "promotion/prd/tbd-test/1a2b3c4d";

  private static Promotion promotion(String repository, Phase phase, Long iid) {
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName("p").withNamespace("default").build());
    PromotionSpec spec = new PromotionSpec();
    spec.setRepository(repository);
    p.setSpec(spec);
    PromotionStatus status = new PromotionStatus();
    status.setPhase(phase);
    if (iid != null) {
      MergeRequestStatus mr = new MergeRequestStatus();
      mr.setIid(iid);
      mr.setSourceBranch(BRANCH);
      status.setMergeRequest(mr);
    }
    p.setStatus(status);
    return p;
  }

  private static boolean wakes(MergeRequestSignal signal, Promotion promotion) {
    return MergeRequestWakeUps.awaits(
        promotion, signal, p -> p.getSpec().getRepository(), PromotionStatus::getMergeRequest);
  }

  private static MergeRequestSignal signal(String repository, Long iid, String branch) {
    return new MergeRequestSignal(repository, new MergeRequestRef("1234", null, iid, branch));
  }

  @Test
  void wakesThePromotionAwaitingThatRequestOfThatRepository() {
    assertThat(wakes(signal("argocd", 7L, BRANCH), promotion("argocd", Phase.AWAITING_MERGE, 7L)))
        .isTrue();
    assertThat(wakes(signal("argocd", null, BRANCH), promotion("argocd", Phase.AWAITING_MERGE, 7L)))
        .as("a branch pipeline names the request by its source branch")
        .isTrue();
  }

  @Test
  void leavesAnotherRequestAnotherRepositoryAndPromotionsNotAwaitingAlone() {
    MergeRequestSignal seven = signal("argocd", 7L, BRANCH);

    assertThat(wakes(seven, promotion("argocd", Phase.AWAITING_MERGE, 8L))).isFalse();
    assertThat(wakes(seven, promotion("apps", Phase.AWAITING_MERGE, 7L))).isFalse();
    assertThat(wakes(seven, promotion("argocd", Phase.SUCCEEDED, 7L))).isFalse();
    assertThat(wakes(seven, promotion("argocd", Phase.AWAITING_MERGE, null))).isFalse();
    Promotion fresh = promotion("argocd", Phase.PENDING, null);
    fresh.setStatus(null);
    assertThat(wakes(seven, fresh)).isFalse();
    assertThat(
            wakes(
                signal("argocd", null, "promotion/prd/other/00000000"),
                promotion("argocd", Phase.AWAITING_MERGE, 7L)))
        .isFalse();
  }
}
