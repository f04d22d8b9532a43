package io.gitops.promotion.config;

import java.util.Objects;

/**
 * One deployment environment of the GitOps repository: its name as people say it ({@code TST}), the
 * overlay directory that holds its values ({@code tst}) and its GitLab deployment tier.
 */
public record Environment(String name, String dir, String tier) {
  /** What an environment name may look like; the CRDs enforce the same on sourceEnv and targetEnv. */
  public static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9]{0,15}$";

  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(tier, "tier");
  }

  @Override
  public String toString() {
    return name;
  }
}
