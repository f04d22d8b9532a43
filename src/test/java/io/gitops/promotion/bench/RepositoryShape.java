package io.gitops.promotion.bench;

import java.util.Collections;
import java.util.List;

/**
 * The size of a synthetic GitOps repository: workload groups of the given sizes (services per
 * group), each service with {@code appsPerService} applications and the five environment overlays,
 * on a branch of exactly {@code commits} commits. The same shape and seed always give the same
 * repository, commit ids included.
 *
 * @param groupSizes services per group, one entry per group
 */
public record RepositoryShape(
    List<Integer> groupSizes, int appsPerService, int commits, long seed) {
  public static final long DEFAULT_SEED = 42L;

  public RepositoryShape {
    groupSizes = List.copyOf(groupSizes);
    require(!groupSizes.isEmpty(), "at least one group");
    require(groupSizes.stream().allMatch(s -> s >= 1), "at least one service per group");
    require(appsPerService >= 1, "appsPerService >= 1");
    require(commits >= 1, "commits >= 1 (the initial commit)");
  }

  /** G groups of S services with A applications each, and H commits. */
  public static RepositoryShape uniform(
      int groups, int servicesPerGroup, int appsPerService, int commits, long seed) {
    return new RepositoryShape(
        Collections.nCopies(groups, servicesPerGroup), appsPerService, commits, seed);
  }

  /** Groups of different sizes in one repository, so one history serves several group sizes. */
  public static RepositoryShape mixed(List<Integer> groupSizes, int appsPerService, int commits) {
    return new RepositoryShape(groupSizes, appsPerService, commits, DEFAULT_SEED);
  }

  public int groups() {
    return groupSizes.size();
  }

  public int services() {
    return groupSizes.stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public String toString() {
    return "groups=" + groupSizes + " A=" + appsPerService + " H=" + commits + " seed=" + seed;
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("repository shape needs " + what);
    }
  }
}
