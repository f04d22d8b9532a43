package io.gitops.promotion.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionChange;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.PushConflictException;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run loop lands a batch as one commit per change, in order, in one push; a bad change fails
 * alone.
 */
class RunLoopIT {
  private static final PersonIdent COMMITTER =
      new PersonIdent("promotion-operator", "po@example.com");

  @TempDir Path dir;
  private GitOpsRepository repo;
  private final RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private PromotionChange promotion(
      String id, String group, String from, String to, Instant since) {
    return new PromotionChange(
        validator.validate(
            new PromotionParameters(id, group, from, to, null, false, false, null, "alice")),
        OverlaysLayout.defaults(),
        Clock.systemUTC(),
        null,
        since);
  }

  private RunLoop loop(RunListener listener, PushRetry retry) {
    return new RunLoop(COMMITTER, Clock.systemUTC(), retry, waits::add, listener);
  }

  private GitWorkspace workspace(String name) {
    return GitWorkspace.open(
        new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), dir.resolve(name));
  }

  @Test
  void landsABatchAsOneCommitPerChangeInOrderInOnePushAndABadChangeFailsAlone() {
    repo.commitAsSomeoneElse(
        "workloads/payments/api/overlays/stg/values.yaml",
        "applications: [unclosed\n",
        "Break the payments STG overlay");
    int commitsBefore = repo.log().size();
    AtomicInteger pushes = new AtomicInteger();
    RunListener countPushes =
        new RunListener() {
          @Override
          public void beforePush(List<Change<?>> changes, int attempt) {
            pushes.incrementAndGet();
          }
        };
    List<PromotionChange> batch =
        List.of(
            promotion("p-1", "tbd-test", "DEV", "TST", null),
            promotion("p-2", "payments", "TST", "STG", null),
            promotion("p-3", "payments", "DEV", "TST", null),
            promotion("p-4", "tbd-test", "TST", "STG", null));

    List<ChangeOutcome<PromotionResult>> outcomes;
    try (GitWorkspace ws = workspace("ws")) {
      outcomes = loop(countPushes, PushRetry.DEFAULT).runAll(batch, ws);
    }

    assertThat(pushes).hasValue(1);
    assertThat(outcomes.get(1).rejection().reason()).isEqualTo(RejectionReason.INVALID_OVERLAY);
    assertThat(outcomes.get(1).rejection())
        .hasMessageContaining("workloads/payments/api/overlays/stg/values.yaml");
    List<PromotionResult> landed =
        List.of(outcomes.get(0).result(), outcomes.get(2).result(), outcomes.get(3).result());
    assertThat(landed).extracting(PromotionResult::outcome).containsOnly(PromotionOutcome.PROMOTED);
    List<RevCommit> log = repo.log();
    assertThat(log).hasSize(commitsBefore + 3);
    assertThat(List.of(log.get(2).getName(), log.get(1).getName(), log.get(0).getName()))
        .as("one commit per change, in the batch's order")
        .containsExactly(landed.get(0).commit(), landed.get(1).commit(), landed.get(2).commit());
    assertThat(landed).extracting(r -> r.counts().batchSize()).containsOnly(4);
    assertThat(landed).extracting(r -> r.counts().roundTrips()).containsOnly(2L);
    assertThat(landed.get(0).counts().bytesPushed()).isPositive();
    // the fourth change planned on the files the first one wrote: TST now holds DEV's tags
    assertThat(landed.get(2).changes())
        .extracting(c -> c.service() + "/" + c.app() + "=" + c.to())
        .containsAll(
            landed.get(0).changes().stream()
                .map(c -> c.service() + "/" + c.app() + "=" + c.to())
                .toList());
  }

  @Test
  void aChangeWhoseCommitIsAlreadyOnTheBranchIsReportedNotPushedAgain() {
    Instant since = Instant.now().minusSeconds(5);
    try (GitWorkspace ws = workspace("first")) {
      loop(RunListener.NONE, PushRetry.DEFAULT)
          .runAll(
              List.of(
                  promotion("p-1", "tbd-test", "DEV", "TST", since),
                  promotion("p-2", "payments", "DEV", "TST", since)),
              ws);
    }
    int commits = repo.log().size();

    List<ChangeOutcome<PromotionResult>> again;
    try (GitWorkspace ws = workspace("after-a-crash")) {
      again =
          loop(RunListener.NONE, PushRetry.DEFAULT)
              .runAll(
                  List.of(
                      promotion("p-1", "tbd-test", "DEV", "TST", since),
                      promotion("p-2", "payments", "DEV", "TST", since)),
                  ws);
    }

    assertThat(repo.log()).hasSize(commits);
    assertThat(again).extracting(o -> o.result().resumed()).containsExactly(true, true);
    assertThat(again.get(0).result().changes()).hasSize(2);
  }

  @Test
  void givesUpAfterTheBudgetWithTheAttemptsAndTimeInTheMessage() {
    PushRetry tight =
        new PushRetry(Duration.ofMillis(300), 1000, Duration.ofMillis(50), Duration.ofMillis(100));
    RunListener intruder =
        new RunListener() {
          private int n;

          @Override
          public void beforePush(List<Change<?>> changes, int attempt) {
            repo.commitAsSomeoneElse(
                "README-" + n++ + ".md", "someone else\n", "Someone else pushes first");
          }
        };
    try (GitWorkspace ws = workspace("ws")) {
      RunLoop loop = new RunLoop(COMMITTER, Clock.systemUTC(), tight, Sleeper.blocking(), intruder);
      Assertions.assertThatThrownBy(
              () -> loop.run(promotion("p-1", "tbd-test", "DEV", "TST", null), ws))
          .isInstanceOf(PushConflictException.class)
          .hasMessageMatching(
              "gave up after \\d+ push attempts? in \\d+\\.\\d s: the branch kept moving under other"
                  + " writers; nothing was pushed");
    }
  }
}
