package io.gitops.promotion.lease;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the repositories are shared out among the live replicas, decided by each replica from one
 * view of the Leases. With M repositories and R live replicas a replica's share is ceil(M / R):
 *
 * <ul>
 *   <li>it takes free (or expired) Leases while it holds fewer than its share, and beyond its share
 *       up to share + 1 when no other replica is below its share, so that repositories left by a
 *       replica that died are picked up even while that replica still counts as live;
 *   <li>it gives one Lease back when it holds the most (ties: the smallest identity gives), at
 *       least two more than the replica holding the fewest, and no Lease is free: a new replica
 *       gets work, and the counts settle within one of each other instead of moving back and forth.
 * </ul>
 *
 * Pure: the caller reads the Leases and applies the plan.
 */
public final class ShareRule {
  private ShareRule() {}

  /**
   * @param repositories every configured repository
   * @param holders repository -> replica holding its Lease, for Leases held and not expired
   * @param liveReplicas replicas whose heartbeat Lease has not expired ({@code me} counts anyway)
   * @param busy repositories whose writer is landing a batch: given back only when nothing else can
   *     be
   */
  public static Plan plan(
      String me,
      List<String> repositories,
      Map<String, String> holders,
      Set<String> liveReplicas,
      Set<String> busy) {
    Set<String> live = new HashSet<>(liveReplicas);
    live.add(me);
    live.addAll(holders.values());
    Map<String, Integer> held = new HashMap<>();
    live.forEach(replica -> held.put(replica, 0));
    holders.values().forEach(replica -> held.merge(replica, 1, Integer::sum));
    int share = ceilDiv(repositories.size(), live.size());
    int mine = held.get(me);
    List<String> free =
        repositories.stream()
            .filter(r -> !holders.containsKey(r))
            .sorted(Comparator.comparingInt(r -> (me + "/" + r).hashCode()))
            .toList();

    boolean othersBelowShare =
        held.entrySet().stream().anyMatch(e -> !e.getKey().equals(me) && e.getValue() < share);
    int limit = othersBelowShare ? share : share + 1;
    int take = Math.max(0, Math.min(free.size(), limit - mine));
    if (take > 0) {
      return new Plan(free.subList(0, take), Optional.empty());
    }
    return new Plan(
        List.of(), free.isEmpty() ? giveBack(me, held, holders, busy) : Optional.empty());
  }

  private static Optional<String> giveBack(
      String me, Map<String, Integer> held, Map<String, String> holders, Set<String> busy) {
    int mine = held.get(me);
    int fewest = held.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    String largest =
        held.entrySet().stream()
            .max(
                Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .orElseThrow()
            .getKey();
    if (!largest.equals(me) || mine - fewest < 2) {
      return Optional.empty();
    }
    return holders.entrySet().stream()
        .filter(e -> e.getValue().equals(me))
        .map(Map.Entry::getKey)
        .sorted(
            Comparator.comparing((String r) -> busy.contains(r))
                .thenComparing(Comparator.naturalOrder()))
        .findFirst();
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /**
   * What one replica does this round.
   *
   * @param take free Leases to try to take, in the order to try them
   * @param giveBack a held Lease to give back
   */
  public record Plan(List<String> take, Optional<String> giveBack) {}
}
