package io.gitops.promotion.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareRuleTest {
  private static final List<String> SIX = List.of("r1", "r2", "r3", "r4", "r5", "r6");

  @Test
  void aLoneReplicaTakesEveryFreeRepository() {
    ShareRule.Plan plan = ShareRule.plan("a", SIX, Map.of(), Set.of(), Set.of());

    assertThat(plan.take()).containsExactlyInAnyOrderElementsOf(SIX);
    assertThat(plan.giveBack()).isEmpty();
  }

  @Test
  void takesOnlyUpToItsShareWhileAnotherReplicaIsBelowIt() {
    // 6 repositories, 3 live replicas: share 2; c holds nothing yet
    ShareRule.Plan plan =
        ShareRule.plan(
            "a", SIX, Map.of("r1", "a", "r2", "a", "r3", "b"), Set.of("a", "b", "c"), Set.of());

    assertThat(plan.take()).isEmpty();
    assertThat(plan.giveBack()).isEmpty();
  }

  @Test
  void takesOneBeyondItsShareWhenNobodyElseIsBelowIt() {
    // c died: its Leases expired while its heartbeat still counts it live
    Map<String, String> holders = Map.of("r1", "a", "r2", "a", "r3", "b", "r4", "b");
    ShareRule.Plan a = ShareRule.plan("a", SIX, holders, Set.of("a", "b", "c"), Set.of());

    assertThat(a.take()).hasSize(0);
    ShareRule.Plan afterHeartbeatExpired =
        ShareRule.plan("a", SIX, holders, Set.of("a", "b"), Set.of());
    assertThat(afterHeartbeatExpired.take()).hasSize(1).isSubsetOf("r5", "r6");
  }

  @Test
  void stopsAtItsShareWhileOthersAreBelowTheirs() {
    Map<String, String> holders = Map.of("r1", "b", "r2", "b", "r3", "c", "r4", "c");
    ShareRule.Plan plan =
        ShareRule.plan(
            "a",
            List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"),
            holders,
            Set.of("a", "b", "c"),
            Set.of());

    // 8 repositories over 3 replicas: share 3; b and c hold 2 each, so a stops at its share
    assertThat(plan.take()).hasSize(3);
  }

  @Test
  void theReplicaHoldingTheMostGivesOneBackToANewReplica() {
    Map<String, String> holders =
        Map.of("r1", "a", "r2", "a", "r3", "a", "r4", "b", "r5", "b", "r6", "b");

    ShareRule.Plan a = ShareRule.plan("a", SIX, holders, Set.of("a", "b", "d"), Set.of("r1"));
    ShareRule.Plan b = ShareRule.plan("b", SIX, holders, Set.of("a", "b", "d"), Set.of());
    ShareRule.Plan d = ShareRule.plan("d", SIX, holders, Set.of("a", "b", "d"), Set.of());

    assertThat(a.giveBack()).as("a busy repository is given back last").contains("r2");
    assertThat(b.giveBack()).as("ties: the smallest identity gives").isEmpty();
    assertThat(d.take()).isEmpty();
    assertThat(d.giveBack()).isEmpty();
  }

  @Test
  void countsWithinOneOfEachOtherAreLeftAlone() {
    // 6 over 4: 2, 2, 1, 1
    Map<String, String> holders =
        Map.of("r1", "a", "r2", "a", "r3", "b", "r4", "b", "r5", "c", "r6", "d");
    for (String me : List.of("a", "b", "c", "d")) {
      assertThat(ShareRule.plan(me, SIX, holders, Set.of("a", "b", "c", "d"), Set.of()))
          .isEqualTo(new ShareRule.Plan(List.of(), Optional.empty()));
    }
  }

  @Test
  void nothingIsGivenBackWhileALeaseIsFree() {
    Map<String, String> holders = new HashMap<>(Map.of("r1", "a", "r2", "a", "r3", "a", "r4", "a"));

    ShareRule.Plan plan = ShareRule.plan("a", SIX, holders, Set.of("a", "b"), Set.of());

    assertThat(plan.giveBack()).isEmpty();
    assertThat(plan.take()).isEmpty();
  }

  @Test
  void replicasKnownOnlyAsHoldersCountAsLive() {
    // b's heartbeat is not visible (yet), but it holds Leases: 6 over 2 = share 3
    ShareRule.Plan plan =
        ShareRule.plan("a", SIX, Map.of("r1", "b", "r2", "b", "r3", "b"), Set.of(), Set.of());

    assertThat(plan.take()).hasSize(3);
  }
}
