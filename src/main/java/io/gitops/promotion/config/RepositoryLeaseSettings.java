package io.gitops.promotion.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Replicas sharing the repositories out through one Lease per repository ({@code
 * promotion-repo-<name>} in the operator's namespace) instead of one leader doing all the work.
 *
 * @param duration how long a Lease not renewed keeps others away
 * @param renewDeadline how long after its last renewal a holder stops writing; shorter than the
 *     duration, so a push in flight ends before anyone else may take the repository
 * @param retryPeriod how often Leases are renewed, taken and given back
 */
public record RepositoryLeaseSettings(
    boolean enabled, Duration duration, Duration renewDeadline, Duration retryPeriod) {
  public static final String PREFIX = "promotion-repo-";
  public static final RepositoryLeaseSettings DISABLED =
      new RepositoryLeaseSettings(
          false, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

  /** The Lease of a configured repository: its name in lowercase, '_' and '.' as '-'. */
  public static String leaseName(String repository) {
    return PREFIX + repository.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
  }
}
