package io.gitops.promotion.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.RepositoryLeaseSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replicas following {@link ShareRule} round after round on a fake clock, against an in-memory
 * store of Leases that, like the API server, accepts a write only at the version it was read at.
 */
class SharingSimulationTest {
  private static final Duration DURATION = Duration.ofSeconds(15);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final List<String> REPOSITORIES = List.of("r1", "r2", "r3", "r4", "r5", "r6");

  private final Map<String, LeaseSnapshot> store = new TreeMap<>();
  private final List<Replica> replicas = new ArrayList<>();
  private Instant now = Instant.parse("2026-12-04T06:00:00Z");
  private long version;

  @Test
  void threeReplicasShareSixRepositoriesTwoEach() {
    start("a", "b", "c");

    rounds(10);

    assertThat(counts()).isEqualTo(Map.of("a", 2, "b", 2, "c", 2));
  }

  @Test
  void theRepositoriesOfAReplicaThatDiedMoveWithinTheLeaseDurationAndANewReplicaGetsAShare() {
    start("a", "b", "c");
    rounds(10);
    Replica c = replica("c");
    Set<String> ofC =
        holdersNow().entrySet().stream()
            .filter(e -> e.getValue().equals("c"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    c.alive = false;
    Instant died = now;

    while (ofC.stream().anyMatch(r -> "c".equals(holdersNow().get(r)))) {
      round();
    }
    // it was renewed at most one round before it died; the others see that version expire a
    // duration later
    assertThat(Duration.between(died, now))
        .isLessThanOrEqualTo(DURATION.plus(RETRY.multipliedBy(2)));
    rounds(3);
    assertThat(counts()).isEqualTo(Map.of("a", 3, "b", 3));

    start("d");
    rounds(10);
    assertThat(counts()).isEqualTo(Map.of("a", 2, "b", 2, "d", 2));
  }

  @Test
  void aFourthReplicaAmongThreeTakesOneSoThatCountsDifferByOneAtMost() {
    start("a", "b", "c");
    rounds(10);

    start("d");
    rounds(10);

    assertThat(counts().values()).containsExactlyInAnyOrder(2, 2, 1, 1);
  }

  @Test
  void aReplicaThatStartedAloneSharesOutWhenTwoMoreJoin() {
    start("a");
    rounds(5);
    assertThat(counts()).isEqualTo(Map.of("a", 6));

    start("b", "c");
    rounds(15);

    assertThat(counts()).isEqualTo(Map.of("a", 2, "b", 2, "c", 2));
  }

  @Test
  void sharingSettles() {
    start("a", "b", "c");
    rounds(10);
    Map<String, String> settled = holdersNow();

    rounds(20);

    assertThat(holdersNow()).isEqualTo(settled);
  }

  private void start(String... ids) {
    for (String id : ids) {
      replicas.add(new Replica(id));
    }
  }

  private Replica replica(String id) {
    return replicas.stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow();
  }

  private void rounds(int n) {
    for (int i = 0; i < n; i++) {
      round();
    }
  }

  private void round() {
    for (Replica replica : replicas) {
      if (replica.alive) {
        replica.round();
      }
    }
    now = now.plus(RETRY);
  }

  private Map<String, String> holdersNow() {
    Map<String, String> holders = new HashMap<>();
    for (String repository : REPOSITORIES) {
      LeaseSnapshot lease = store.get(RepositoryLeaseSettings.leaseName(repository));
      if (lease != null && lease.held()) {
        holders.put(repository, lease.holder());
      }
    }
    return holders;
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    holdersNow().values().forEach(h -> counts.merge(h, 1, Integer::sum));
    return counts;
  }

  /**
   * A write at the version read: false when someone wrote in between (HTTP 409 on the API server).
   */
  private boolean write(String name, String readVersion, String holder) {
    LeaseSnapshot current = store.get(name);
    String currentVersion = current == null ? null : current.resourceVersion();
    if (!java.util.Objects.equals(currentVersion, readVersion)) {
      return false;
    }
    store.put(name, new LeaseSnapshot(name, holder, String.valueOf(++version), DURATION));
    return true;
  }

  private final class Replica {
    private final String id;
    private final LeaseBoard board = new LeaseBoard(REPOSITORIES);
    private boolean alive = true;

    Replica(String id) {
      this.id = id;
    }

    void round() {
      String heartbeat = LeaseBoard.heartbeatLease(id);
      LeaseSnapshot mine = store.get(heartbeat);
      write(heartbeat, mine == null ? null : mine.resourceVersion(), id);
      for (LeaseSnapshot lease : List.copyOf(store.values())) {
        if (id.equals(lease.holder()) && !lease.name().equals(heartbeat)) {
          write(lease.name(), lease.resourceVersion(), id);
        }
      }
      LeaseBoard.Reading reading = board.read(List.copyOf(store.values()), now);
      ShareRule.Plan plan =
          ShareRule.plan(id, REPOSITORIES, reading.holders(), reading.live(), Set.of());
      for (String repository : plan.take()) {
        LeaseSnapshot seen = reading.byRepository().get(repository);
        write(
            RepositoryLeaseSettings.leaseName(repository),
            seen == null ? null : seen.resourceVersion(),
            id);
      }
      plan.giveBack()
          .ifPresent(
              repository -> {
                LeaseSnapshot lease = store.get(RepositoryLeaseSettings.leaseName(repository));
                write(lease.name(), lease.resourceVersion(), null);
              });
    }
  }
}
