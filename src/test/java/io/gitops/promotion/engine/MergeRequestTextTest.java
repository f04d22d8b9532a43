package io.gitops.promotion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.run.MergeRequestDelivery;
import io.gitops.promotion.state.TagSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of a promotion's merge request and the name of its review branch. */
class MergeRequestTextTest {
  private static final Environment TST = new Environment("TST", "tst", "testing");
  private static final Environment PRD =
      new Environment("PRD", "prd", "production", Environment.MERGE_REQUEST, null);

  private static PromotionPlan plan(boolean force) {
    PromotionRequest request =
        new PromotionRequest(
            "6f1c2a9e-0000-4000-8000-000000000001",
            "tbd-test",
            TST,
            PRD,
            "frontend",
            false,
            force,
            force ? "hotfix | urgent" : null,
            "alice");
    return new PromotionPlan(
        request,
        "frontend",
        "1.5.0",
        "1.3.0",
        List.of(
            new TagChange("frontend", "tbd-test", "1.3.0", "1.5.0"),
            new TagChange("backend", "be", null, "0.9.0")),
        List.of("service worker has no PRD overlay"),
        TagSnapshot.of(Map.of()),
        TagSnapshot.of(Map.of()),
        List.of());
  }

  @Test
  void describesTheChangesWarningsRequesterAndOrigin() {
    String text = MergeRequestText.description(plan(false), "Promotion default/tbd-test-to-prd");
    assertThat(text)
        .contains("Promotes workload group `tbd-test` from TST to PRD, release version `1.5.0`.")
        .contains(
            "| Service | Application | From | To |\n|---|---|---|---|\n"
                + "| frontend | tbd-test | `1.3.0` | `1.5.0` |\n| backend | be | `-` | `0.9.0` |\n")
        .contains("**Warnings**\n\n- service worker has no PRD overlay\n")
        .contains("Requested by: alice\n")
        .contains("Opened by promotion-operator for Promotion default/tbd-test-to-prd.")
        .contains("Promotion-Id: 6f1c2a9e-0000-4000-8000-000000000001")
        .doesNotContain("Forced")
        .doesNotContain("# Changelog");
  }

  @Test
  void carriesTheReleasesChangelogAfterTheWarningsAndBeforeTheRequester() {
    String changelog =
        "# Changelog\n\n## tbd-test (1.3.0 → 1.5.0)\n\n**Added**\n- add user dashboard\n";
    String text = MergeRequestText.description(plan(false), null, changelog);
    assertThat(text)
        .contains(
            "- service worker has no PRD overlay\n\n" + changelog + "\nRequested by: alice\n");
  }

  @Test
  void aForcedPromotionSaysWhyWithoutBreakingTheTable() {
    assertThat(MergeRequestText.description(plan(true), null))
        .contains("**Forced** off the promotion path: hotfix | urgent")
        .doesNotContain("Opened by");
  }

  @Test
  void theReviewBranchIsNamedByEnvironmentGroupAndShortIdInLowerCase() {
    assertThat(
            MergeRequestDelivery.branchName(
                "PRD", "Tbd-Test", "6F1C2A9E-0000-4000-8000-000000000001"))
        .isEqualTo("promotion/prd/tbd-test/6f1c2a9e");
    assertThat(PromotionService.reviewBranch(plan(false).request()))
        .isEqualTo("promotion/prd/tbd-test/6f1c2a9e");
  }
}
