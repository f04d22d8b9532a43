package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.MergeRequestSettings;
import io.gitops.promotion.gitlab.MergeRequestDraft;
import io.gitops.promotion.gitlab.MergeRequestState;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.gitlab.OpenMergeRequest;
import io.gitops.promotion.gitlab.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code --wait}'s looks at a request: growing waits, back to the first on a change, a deadline.
 */
class MergeRequestWaitTest {
  private static final MergeRequestSettings POLL =
      MergeRequestSettings.DEFAULT.withPolling(Duration.ofSeconds(15), Duration.ofMinutes(2));
  private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

  private Instant now = START;
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<MergeRequestState> answers = new ArrayDeque<>();

  private final Sleeper sleeper =
      duration -> {
        waits.add(duration);
        now = now.plus(duration);
      };
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private static MergeRequestState state(String state, String detailed) {
    return new MergeRequestState(
        7, "https://gitlab/mr/7", state, detailed, "abc", null, null, 0, null, null, false);
  }

  private MergeRequestState waitUntil(Instant deadline) {
    return new MergeRequestWait(new ScriptedRequests(), "4242", sleeper, clock)
        .until(state("opened", "not_approved"), deadline, POLL);
  }

  @Test
  void waitsLongerAfterEachUnchangedLookAndAgainFromTheFirstAfterAChange() {
    answers.add(state("opened", "not_approved"));
    answers.add(state("opened", "not_approved"));
    answers.add(state("opened", "mergeable"));
    answers.add(state("merged", "not_open"));

    MergeRequestState seen = waitUntil(START.plus(Duration.ofHours(1)));

    assertThat(seen.isMerged()).isTrue();
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(15));
  }

  @Test
  void stopsAtAClosedRequest() {
    answers.add(state("closed", "not_open"));

    assertThat(waitUntil(START.plus(Duration.ofHours(1))).isClosed()).isTrue();
    assertThat(waits).hasSize(1);
  }

  @Test
  void looksLastAtTheDeadlineAndReturnsTheRequestStillOpen() {
    for (int i = 0; i < 10; i++) {
      answers.add(state("opened", "not_approved"));
    }

    MergeRequestState seen = waitUntil(START.plus(Duration.ofSeconds(50)));

    assertThat(seen.isOpen()).isTrue();
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(5));
    assertThat(now).isEqualTo(START.plus(Duration.ofSeconds(50)));
  }

  @Test
  void handsARequestThatCannotMergeToTheReplanAndFollowsItAsItIsAfterwards() {
    answers.add(state("opened", "conflict"));
    answers.add(state("opened", "mergeable"));
    answers.add(state("merged", "not_open"));
    List<String> handed = new ArrayList<>();

    MergeRequestState seen =
        new MergeRequestWait(new ScriptedRequests(), "4242", sleeper, clock)
            .until(
                state("opened", "not_approved"),
                START.plus(Duration.ofHours(1)),
                POLL,
                stuck -> {
                  handed.add(stuck.detailedMergeStatus());
                  return state("opened", "ci_still_running");
                });

    assertThat(seen.isMerged()).isTrue();
    assertThat(handed).containsExactly("conflict");
    assertThat(waits).hasSize(3);
  }

  /** Answers each look with the next scripted state. */
  private final class ScriptedRequests implements MergeRequests {
    @Override
    public MergeRequestState get(String projectId, long iid) {
      return answers.removeFirst();
    }

    @Override
    public Optional<MergeRequestState> findBySourceBranch(String projectId, String sourceBranch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<OpenMergeRequest> openInto(String projectId, String targetBranch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MergeRequestState open(String projectId, MergeRequestDraft draft) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void mergeWhenPipelineSucceeds(String projectId, long iid, String sha) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void update(String projectId, long iid, String title, String description) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close(String projectId, long iid, String note) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deleteBranch(String projectId, String branch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> userIds(List<String> usernames) {
      throw new UnsupportedOperationException();
    }
  }
}
