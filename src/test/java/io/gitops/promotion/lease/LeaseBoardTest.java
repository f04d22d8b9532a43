package io.gitops.promotion.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Expiry as one replica sees it, with a fake clock: only the versions it observed and its own time
 * count.
 */
class LeaseBoardTest {
  private static final Duration FIFTEEN = Duration.ofSeconds(15);
  private final Instant start = Instant.parse("2026-12-04T06:00:00Z");
  private final LeaseBoard board = new LeaseBoard(List.of("argocd", "Team_B"));

  @Test
  void aHolderThatStopsRenewingLosesItsRepositoryAfterTheDurationSinceItsLastVersionWasSeen() {
    List<LeaseSnapshot> leases =
        List.of(lease("promotion-repo-argocd", "a", "1"), heartbeat("a", "7"));

    assertThat(board.read(leases, start).holders()).isEqualTo(Map.of("argocd", "a"));
    assertThat(board.read(leases, start.plusSeconds(14)).holders())
        .isEqualTo(Map.of("argocd", "a"));
    LeaseBoard.Reading expired = board.read(leases, start.plusSeconds(15));
    assertThat(expired.holders()).isEmpty();
    assertThat(expired.live()).isEmpty();
    assertThat(expired.byRepository()).containsOnlyKeys("argocd");
  }

  @Test
  void aRenewalStartsTheDurationAgain() {
    board.read(List.of(lease("promotion-repo-argocd", "a", "1")), start);
    board.read(List.of(lease("promotion-repo-argocd", "a", "2")), start.plusSeconds(10));

    assertThat(
            board
                .read(List.of(lease("promotion-repo-argocd", "a", "2")), start.plusSeconds(24))
                .holders())
        .containsEntry("argocd", "a");
    assertThat(
            board
                .read(List.of(lease("promotion-repo-argocd", "a", "2")), start.plusSeconds(25))
                .holders())
        .isEmpty();
  }

  @Test
  void aLeaseFirstSeenIsTrustedForAWholeDurationWhateverItsRenewTimeSays() {
    // a replica that starts late cannot know when the holder last renewed: it waits a whole
    // duration
    LeaseBoard late = new LeaseBoard(List.of("argocd"));
    late.read(List.of(lease("promotion-repo-argocd", "a", "40")), start.plusSeconds(100));

    assertThat(
            late.read(List.of(lease("promotion-repo-argocd", "a", "40")), start.plusSeconds(114))
                .holders())
        .containsEntry("argocd", "a");
  }

  @Test
  void aLeaseGivenBackIsFreeAtOnceAndRepositoryNamesMapToLeaseNames() {
    LeaseBoard.Reading reading =
        board.read(
            List.of(
                lease("promotion-repo-team-b", null, "3"),
                heartbeat("b", "1"),
                lease("unrelated", "x", "1")),
            start);

    assertThat(reading.holders()).isEmpty();
    assertThat(reading.byRepository()).containsOnlyKeys("Team_B");
    assertThat(reading.live()).isEqualTo(Set.of("b"));
  }

  @Test
  void heartbeatLeaseNamesAreValidWhateverTheIdentity() {
    assertThat(LeaseBoard.heartbeatLease("Pod_7/x.")).isEqualTo("promotion-replica-pod-7-x");
  }

  private static LeaseSnapshot lease(String name, String holder, String version) {
    return new LeaseSnapshot(name, holder, version, FIFTEEN);
  }

  private static LeaseSnapshot heartbeat(String replica, String version) {
    return new LeaseSnapshot(LeaseBoard.heartbeatLease(replica), replica, version, FIFTEEN);
  }
}
