package io.gitops.promotion.publish;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.PromotionTitle;
import io.gitops.promotion.engine.TagChange;
import io.gitops.promotion.state.TagSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Promotion results as the engine makes them, built by hand for tests of the GitLab steps. */
final class Promotions {

  static final Environment DEV = new Environment("DEV", "dev", "development");
  static final Environment TST = new Environment("TST", "tst", "testing");
  static final Environment STG = new Environment("STG", "stg", "staging");
  static final String GITOPS = "4242";
  static final String COMMIT = "c0ffee0000000000000000000000000000000001";
  static final Instant STARTED = Instant.parse("2026-11-22T09:59:30Z");
  static final TagChange BACKEND = new TagChange("backend", "tbd-test-backend", "1.2.0", "1.4.0");
  static final TagChange FRONTEND = new TagChange("frontend", "tbd-test", "1.3.0", "1.5.0");
  static final Map<String, Long> PROJECTS =
      Map.of("backend/tbd-test-backend", 1332L, "frontend/tbd-test", 1331L);

  private Promotions() {}

  /** tbd-test DEV -> TST, lead service frontend 1.3.0 -> 1.5.0, backend 1.2.0 -> 1.4.0. */
  static PublishRequest devToTst() {
    return request(PromotionOutcome.PROMOTED, DEV, TST, "1.5.0", List.of(BACKEND, FRONTEND));
  }

  static PublishRequest request(
      PromotionOutcome outcome,
      Environment source,
      Environment target,
      String version,
      List<TagChange> changes) {
    return PublishRequest.of(
        result(outcome, source, target, version, changes, PROJECTS),
        PublishSettings.of(GITOPS, "main"),
        STARTED);
  }

  static PromotionResult result(
      PromotionOutcome outcome,
      Environment source,
      Environment target,
      String version,
      List<TagChange> changes,
      Map<String, Long> projects) {
    PromotionRequest request =
        new PromotionRequest(
            "p-1",
            "tbd-test",
            source,
            target,
            "frontend",
            outcome == PromotionOutcome.PREVIEWED,
            false,
            null,
            "alice");
    PromotionPlan plan =
        new PromotionPlan(
            request,
            "frontend",
            version,
            "1.3.0",
            changes,
            List.of(),
            TagSnapshot.of(Map.of()),
            TagSnapshot.of(Map.of()),
            List.of(),
            projects);
    String commit = outcome == PromotionOutcome.PROMOTED ? COMMIT : null;
    return new PromotionResult(outcome, PromotionTitle.of(plan), plan, "", commit, false, 0);
  }
}
