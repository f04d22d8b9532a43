package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.state.RollbackRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackEngineIT {
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";
  private static final String BACKEND_TST = "workloads/tbd-test/backend/overlays/tst/values.yaml";
  private static final String STATE = "workloads/promote-state.yaml";
  private static final Instant PROMOTED = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant AN_HOUR_LATER = PROMOTED.plus(Duration.ofHours(1));
  private static final Restoration BACKEND_BACK =
      new Restoration("backend", "tbd-test-backend", "1.4.0", "1.2.0");
  private static final Restoration FRONTEND_BACK =
      new Restoration("frontend", "tbd-test", "1.5.0", "1.3.0");

  @TempDir Path dir;
  private GitOpsRepository repo;

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private void promote(String id, String group, String from, String to) {
    PromotionEngine engine =
        new PromotionEngine(
            OverlaysLayout.defaults(),
            new PersonIdent("po", "po@example.com"),
            Clock.fixed(PROMOTED, ZoneOffset.UTC),
            PromotionListener.NONE,
            5);
    try (GitWorkspace ws = workspace("promoter")) {
      engine.run(
          new RequestValidator(EnvironmentCatalog.defaults())
              .validate(
                  new PromotionParameters(
                      id,
                      group,
                      from,
                      to,
                      group.equals("tbd-test") ? "frontend" : null,
                      false,
                      false,
                      null,
                      "alice")),
          ws,
          PromotionEngine.RunOptions.firstAttempt());
    }
  }

  private static RollbackRequest request(
      String id, boolean dryRun, String forcedReason, String expectedPromotion) {
    return new RollbackValidator(EnvironmentCatalog.defaults())
        .validate(
            new RollbackParameters(
                id,
                "tbd-test",
                "TST",
                dryRun,
                forcedReason != null,
                forcedReason,
                "bob",
                null,
                expectedPromotion));
  }

  private RollbackResult rollback(RollbackRequest request) {
    return rollback(request, AN_HOUR_LATER, RollbackListener.NONE, "clone", null);
  }

  private RollbackResult rollback(
      RollbackRequest request,
      Instant now,
      RollbackListener listener,
      String clone,
      Instant since) {
    RollbackEngine engine =
        new RollbackEngine(
            OverlaysLayout.defaults(),
            new PersonIdent("po", "po@example.com"),
            Clock.fixed(now, ZoneOffset.UTC),
            listener,
            5);
    try (GitWorkspace ws = workspace(clone)) {
      return engine.run(request, ws, since);
    }
  }

  private GitWorkspace workspace(String name) {
    return GitWorkspace.open(
        new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), dir.resolve(name));
  }

  /** Every file under workloads/ but the state file. */
  private Map<String, String> overlays() {
    Map<String, String> files = repo.snapshot("workloads/");
    files.remove(STATE);
    return files;
  }

  private StateEntry stateEntry() {
    return StateFile.parse(repo.read(STATE)).entry("TST", "tbd-test").orElseThrow();
  }

  private static void assertRejected(Runnable run, RejectionReason reason) {
    assertThatThrownBy(run::run)
        .isInstanceOfSatisfying(
            RequestRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void promoteThenRollBackGivesOverlaysByteIdenticalToBeforeThePromotionInOneCommit() {
    promote("p-0", "payments", "TST", "STG");
    Map<String, String> before = overlays();
    promote("p-1", "tbd-test", "DEV", "TST");
    StateEntry promoted = stateEntry();
    int commits = repo.log().size();

    RollbackResult result = rollback(request("r-1", false, null, null));

    assertThat(result.outcome()).isEqualTo(RollbackOutcome.RESTORED);
    assertThat(result.promotionId()).isEqualTo("p-1");
    assertThat(result.restored()).containsExactly(BACKEND_BACK, FRONTEND_BACK);
    assertThat(result.conflicts()).isEmpty();
    assertThat(overlays()).isEqualTo(before);
    assertThat(repo.log()).hasSize(commits + 1);
    RevCommit commit = repo.log().get(0);
    assertThat(commit.getName()).isEqualTo(result.commit());
    assertThat(commit.getShortMessage())
        .isEqualTo("Roll back tbd-test [TST] v1.5.0 (promotion p-1)");
    assertThat(commit.getFooterLines("Rollback-Of")).containsExactly("p-1");
    assertThat(commit.getFooterLines("Rollback-Id")).containsExactly("r-1");
    assertThat(commit.getFooterLines("Requested-By")).containsExactly("bob");
    assertThat(commit.getFooterLines("Forced")).isEmpty();
    assertThat(result.diff())
        .contains(
            "-      tag: \"1.5.0\"  # promoted from the previous environment",
            "+      tag: \"1.3.0\"  # promoted from the previous environment");
    StateEntry after = stateEntry();
    assertThat(after.preState()).isEqualTo(promoted.preState());
    assertThat(after.postState()).isEqualTo(promoted.postState());
    assertThat(after.promotion()).isEqualTo(promoted.promotion());
    assertThat(after.rollbacks())
        .containsExactly(new RollbackRecord("r-1", "p-1", AN_HOUR_LATER, "bob", null));
    assertThat(StateFile.parse(repo.read(STATE)).entry("STG", "payments")).isPresent();
  }

  @Test
  void aSecondRollbackOfTheSamePromotionHasNothingToDoAndMakesNoCommit() {
    promote("p-1", "tbd-test", "DEV", "TST");
    rollback(request("r-1", false, null, null));
    String head = repo.head();

    RollbackResult again = rollback(request("r-2", false, null, null));

    assertThat(again.outcome()).isEqualTo(RollbackOutcome.NOTHING_TO_ROLL_BACK);
    assertThat(again.restored()).isEmpty();
    assertThat(again.commit()).isNull();
    assertThat(again.diff()).isEmpty();
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aHandEditedTagIsAConflictLeftUntouchedUnlessForced() {
    Map<String, String> before = overlays();
    promote("p-1", "tbd-test", "DEV", "TST");
    String hotfixed = repo.read(FRONTEND_TST).replace("tag: \"1.5.0\"", "tag: \"1.5.1-hotfix\"");
    repo.commitAsSomeoneElse(FRONTEND_TST, hotfixed, "Hotfix frontend in TST by hand");

    RollbackResult partial = rollback(request("r-1", false, null, null));

    assertThat(partial.outcome()).isEqualTo(RollbackOutcome.PARTIALLY_RESTORED);
    assertThat(partial.restored()).containsExactly(BACKEND_BACK);
    assertThat(partial.conflicts())
        .containsExactly(new Conflict("frontend", "tbd-test", "1.5.0", "1.5.1-hotfix", "1.3.0"));
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(hotfixed);
    assertThat(repo.read(BACKEND_TST)).isEqualTo(before.get(BACKEND_TST));
    assertThat(repo.log().get(0).getFullMessage())
        .contains("- frontend/tbd-test: at 1.5.1-hotfix, promoted 1.5.0, before 1.3.0");

    RollbackResult forced = rollback(request("r-2", false, "the hotfix broke checkout", null));

    assertThat(forced.outcome()).isEqualTo(RollbackOutcome.RESTORED);
    assertThat(forced.restored())
        .containsExactly(new Restoration("frontend", "tbd-test", "1.5.1-hotfix", "1.3.0"));
    assertThat(overlays()).isEqualTo(before);
    assertThat(repo.log().get(0).getFooterLines("Forced"))
        .containsExactly("the hotfix broke checkout");
    assertThat(stateEntry().rollbacks())
        .extracting(RollbackRecord::id, RollbackRecord::forcedReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r-1", null),
            org.assertj.core.groups.Tuple.tuple("r-2", "the hotfix broke checkout"));
  }

  @Test
  void rollsBackAPromotionRecordedInTheLegacyFlatFormat() {
    String original = repo.read(FRONTEND_TST);
    repo.commitAsSomeoneElse(
        FRONTEND_TST, original.replace("tag: \"1.3.0\"", "tag: \"1.5.0\""), "Pipeline promotion");
    repo.commitAsSomeoneElse(
        STATE,
        """
        promotion:
          version: "1.5.0"
          pipeline_id: "12345"
          source_env: "DEV"
          target_env: "TST"
          created_at: "2026-11-21T12:00:00Z"
          created_by: "icvr"
          tag: "v1.5.0"
        pre_state:
          tbd-test:
            frontend:
              tbd-test: "1.3.0"
        post_state:
          tbd-test:
            frontend:
              tbd-test: "1.5.0"
        """,
        "Pipeline state artifact");

    RollbackResult result = rollback(request("r-1", false, null, "12345"));

    assertThat(result.outcome()).isEqualTo(RollbackOutcome.RESTORED);
    assertThat(result.restored()).containsExactly(FRONTEND_BACK);
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(original);
    assertThat(repo.read(STATE))
        .as("rewritten in the nested format")
        .containsPattern("(?m)^environments:$")
        .doesNotContain("pipeline_id");
    StateEntry entry = stateEntry();
    assertThat(entry.promotion().id()).isEqualTo("12345");
    assertThat(entry.preState().tag("frontend", "tbd-test")).contains("1.3.0");
    assertThat(entry.rollbacks()).extracting(RollbackRecord::promotionId).containsExactly("12345");
  }

  @Test
  void aPromotionOlderThanTheWindowIsRejectedUnlessForced() {
    promote("p-1", "tbd-test", "DEV", "TST");
    String head = repo.head();
    Instant eightDaysLater = PROMOTED.plus(Duration.ofDays(8));

    assertRejected(
        () ->
            rollback(
                request("r-1", false, null, null),
                eightDaysLater,
                RollbackListener.NONE,
                "clone",
                null),
        RejectionReason.ROLLBACK_WINDOW_EXPIRED);
    assertThat(repo.head()).isEqualTo(head);

    RollbackResult forced =
        rollback(
            request("r-2", false, "still broken a week later", null),
            eightDaysLater,
            RollbackListener.NONE,
            "clone",
            null);
    assertThat(forced.outcome()).isEqualTo(RollbackOutcome.RESTORED);
  }

  @Test
  void aDryRunPreviewsRestorationsConflictsAndDiffAndWritesNothing() {
    promote("p-1", "tbd-test", "DEV", "TST");
    repo.commitAsSomeoneElse(
        FRONTEND_TST, repo.read(FRONTEND_TST).replace("1.5.0", "1.5.1"), "Hand edit");
    String head = repo.head();

    RollbackResult preview = rollback(request("r-1", true, null, null));

    assertThat(preview.outcome()).isEqualTo(RollbackOutcome.PREVIEWED);
    assertThat(preview.title())
        .isEqualTo("Preview roll back tbd-test [TST] v1.5.0 (promotion p-1)");
    assertThat(preview.restored()).containsExactly(BACKEND_BACK);
    assertThat(preview.conflicts()).hasSize(1);
    assertThat(preview.commit()).isNull();
    assertThat(preview.diff())
        .startsWith("--- a/" + BACKEND_TST + "\n+++ b/" + BACKEND_TST + "\n@@")
        .contains("+      tag: \"1.2.0\"");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aRetryOfTheSameRollbackReportsItsPushedCommitInsteadOfCommittingAgain() {
    promote("p-1", "tbd-test", "DEV", "TST");
    RollbackResult first =
        rollback(
            request("r-1", false, null, null), AN_HOUR_LATER, RollbackListener.NONE, "clone", null);
    int commits = repo.log().size();

    RollbackResult retry =
        rollback(
            request("r-1", false, null, null),
            AN_HOUR_LATER.plusSeconds(30),
            RollbackListener.NONE,
            "restarted-clone",
            AN_HOUR_LATER);

    assertThat(repo.log()).hasSize(commits);
    assertThat(retry.resumed()).isTrue();
    assertThat(retry.outcome()).isEqualTo(RollbackOutcome.RESTORED);
    assertThat(retry.commit()).isEqualTo(first.commit());
    assertThat(retry.restored()).isEqualTo(first.restored());
    assertThat(retry.diff()).isEqualTo(first.diff());
    assertThat(stateEntry().rollbacks()).hasSize(1);
  }

  @Test
  void aTagChangedBetweenPlanAndPushIsReplannedIntoAConflict() {
    promote("p-1", "tbd-test", "DEV", "TST");
    RollbackListener intruder =
        new RollbackListener() {
          @Override
          public void beforePush(RollbackRequest request, int attempt) {
            if (attempt == 1) {
              repo.commitAsSomeoneElse(
                  FRONTEND_TST,
                  repo.read(FRONTEND_TST).replace("1.5.0", "1.5.2"),
                  "Concurrent hand edit");
            }
          }
        };

    RollbackResult result =
        rollback(request("r-1", false, null, null), AN_HOUR_LATER, intruder, "clone", null);

    assertThat(result.pushRejections()).isEqualTo(1);
    assertThat(result.outcome()).isEqualTo(RollbackOutcome.PARTIALLY_RESTORED);
    assertThat(result.restored()).containsExactly(BACKEND_BACK);
    assertThat(result.conflicts())
        .containsExactly(new Conflict("frontend", "tbd-test", "1.5.0", "1.5.2", "1.3.0"));
    List<RevCommit> log = repo.log();
    assertThat(log.get(0).getName()).isEqualTo(result.commit());
    assertThat(log.get(1).getShortMessage()).isEqualTo("Concurrent hand edit");
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.5.2\"");
  }

  @Test
  void refusesWhenNoPromotionIsRecordedForTheGroupInTheEnvironment() {
    promote("p-0", "payments", "TST", "STG");
    String head = repo.head();
    assertRejected(
        () -> rollback(request("r-1", false, null, null)), RejectionReason.NO_RECORDED_PROMOTION);
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void refusesToRollBackAPromotionThatANewerOneReplaced() {
    promote("p-1", "tbd-test", "DEV", "TST");
    String frontendDev = "workloads/tbd-test/frontend/overlays/dev/values.yaml";
    repo.commitAsSomeoneElse(
        frontendDev, repo.read(frontendDev).replace("1.5.0", "1.6.0"), "New DEV build");
    promote("p-2", "tbd-test", "DEV", "TST");
    String head = repo.head();

    assertRejected(
        () -> rollback(request("r-1", false, "force does not help", "p-1")),
        RejectionReason.PROMOTION_SUPERSEDED);
    assertThat(repo.head()).isEqualTo(head);

    RollbackResult latest = rollback(request("r-2", false, null, "p-2"));
    assertThat(latest.restored())
        .containsExactly(new Restoration("frontend", "tbd-test", "1.6.0", "1.5.0"));
  }
}
