package io.gitops.promotion.config;

import java.util.Objects;

/**
 * One deployment environment of the GitOps repository: its name as people say it ({@code TST}), the
 * overlay directory that holds its values ({@code tst}), its GitLab deployment tier, and its gate:
 * how a commit reaches the branch ({@code push}, or a reviewed {@code mergeRequest}).
 *
 * @param mergeRequest this environment's merge request settings, replacing the repository's; null:
 *     the repository's
 */
public record Environment(
    String name, String dir, String tier, String gate, MergeRequestSettings mergeRequest) {
  /**
   * What an environment name may look like; the CRDs enforce the same on sourceEnv and targetEnv.
   */
  public static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9]{0,15}$";

  /** Commits are pushed straight to the branch. */
  public static final String PUSH = "push";

  /** Commits reach the branch through a GitLab merge request. */
  public static final String MERGE_REQUEST = "mergeRequest";

  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(tier, "tier");
    gate = gate == null ? PUSH : gate;
  }

  public Environment(String name, String dir, String tier) {
    this(name, dir, tier, PUSH, null);
  }

  /** Whether commits into it go through a merge request. */
  public boolean gatedByMergeRequest() {
    return MERGE_REQUEST.equals(gate);
  }

  @Override
  public String toString() {
    return name;
  }
}
