package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConfigException;
import io.gitops.promotion.engine.RequestRejectedException;

/**
 * The command's exit codes: 0 done, 1 operational failure, 2 rejected request (nothing written).
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int REJECTED = 2;

  private ExitCodes() {}

  static int of(Throwable failure) {
    return failure instanceof RequestRejectedException || failure instanceof ConfigException
        ? REJECTED
        : FAILURE;
  }
}
