package io.gitops.promotion.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationTest {
  private static final String COMMIT = "1111111111111111111111111111111111111111";
  private static final String LATER = "2222222222222222222222222222222222222222";
  private static final String OLDER = "0000000000000000000000000000000000000000";
  private final Instant now = Instant.parse("2026-12-04T12:00:00Z");
  private final Instant deadline = now.plusSeconds(600);
  private final Verification verification =
      new Verification((commit, revision) -> revision.equals(commit) || revision.equals(LATER));

  @Test
  void verifiedWhenEveryApplicationIsSyncedAtTheCommitOrALaterOneAndHealthy() {
    Verdict verdict =
        verification.judge(
            List.of(
                new ApplicationState("a", COMMIT, "Synced", "Healthy"),
                new ApplicationState("b", LATER, "Synced", "Healthy")),
            COMMIT,
            now,
            deadline,
            false);

    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.VERIFIED);
  }

  @Test
  void waitsForAnApplicationAtAnOlderRevisionOrNotYetSyncedOrProgressing() {
    assertThat(
            verification
                .judge(
                    List.of(new ApplicationState("a", OLDER, "Synced", "Healthy")),
                    COMMIT,
                    now,
                    deadline,
                    false)
                .outcome())
        .isEqualTo(Verdict.Outcome.WAITING);
    assertThat(
            verification
                .judge(
                    List.of(new ApplicationState("a", COMMIT, "OutOfSync", "Healthy")),
                    COMMIT,
                    now,
                    deadline,
                    false)
                .outcome())
        .isEqualTo(Verdict.Outcome.WAITING);
    Verdict progressing =
        verification.judge(
            List.of(new ApplicationState("a", COMMIT, "Synced", "Progressing")),
            COMMIT,
            now,
            deadline,
            false);
    assertThat(progressing.message()).isEqualTo("waiting for a Synced at 11111111, Progressing");
  }

  @Test
  void failsOnADegradedApplicationAtOnceAndOnAnyOtherAtTheDeadline() {
    Verdict degraded =
        verification.judge(
            List.of(
                new ApplicationState("a", COMMIT, "Synced", "Degraded"),
                new ApplicationState("b", COMMIT, "Synced", "Healthy")),
            COMMIT,
            now,
            deadline,
            false);
    assertThat(degraded.outcome()).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(degraded.message()).isEqualTo("degraded: a Synced at 11111111, Degraded");

    Verdict late =
        verification.judge(
            List.of(new ApplicationState("a", OLDER, "Synced", "Healthy")),
            COMMIT,
            deadline,
            deadline,
            false);
    assertThat(late.outcome()).isEqualTo(Verdict.Outcome.FAILED);
    assertThat(late.message())
        .startsWith("not Synced and Healthy at the commit by 2026-12-04T12:10:00Z: a Synced");
  }

  @Test
  void noApplicationSkipsVerificationUnlessItIsRequired() {
    assertThat(verification.judge(List.of(), COMMIT, now, deadline, false).outcome())
        .isEqualTo(Verdict.Outcome.SKIPPED);
    assertThat(verification.judge(List.of(), COMMIT, now, deadline, true).outcome())
        .isEqualTo(Verdict.Outcome.FAILED);
  }
}
