package io.gitops.promotion.config;

import java.util.Objects;

/**
 * One deployment environment of the GitOps repository: its name as people say it ({@code TST}), the
 * overlay directory that holds its values ({@code tst}) and its GitLab deployment tier.
 */
public record Environment(String name, String dir, String tier) {
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
