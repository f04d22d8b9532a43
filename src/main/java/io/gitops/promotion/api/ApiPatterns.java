package io.gitops.promotion.api;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.engine.PlainName;

/**
 * The name patterns the CRDs enforce, so that {@code kubectl apply} rejects a malformed request
 * before the operator sees it. The operator validates again against its configuration.
 */
public final class ApiPatterns {
  /** A workload group, service or repository name: one plain path segment. */
  public static final String PLAIN_NAME = PlainName.PATTERN;

  /**
   * An environment name such as {@code DEV} or {@code Prd2}; the configuration enforces the same.
   */
  public static final String ENVIRONMENT = Environment.NAME_PATTERN;

  /**
   * A lead service, optionally prefixed with its group: {@code frontend} or {@code
   * tbd-test/frontend}.
   */
  public static final String VERSION_SERVICE =
      "^([A-Za-z0-9][A-Za-z0-9._-]{0,62}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";

  /** The longest {@code reason} accepted; it ends up in commit messages and the state file. */
  public static final int REASON_MAX_LENGTH = 1024;

  private ApiPatterns() {}
}
