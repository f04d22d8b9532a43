package io.gitops.promotion.rollback;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.PlainName;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.util.regex.Pattern;

/**
 * Checks a rollback before anything is read or written: ids, the group name, the environment and
 * the reason that force and an emergency need. Whether a promotion is recorded is checked by the
 * engine, which is the first to read the state file.
 */
public final class RollbackValidator {
  /** Printable ASCII without spaces: an id goes into a commit trailer and must stay one token. */
  private static final Pattern ID = Pattern.compile("\\p{Graph}{1,253}");

  private final EnvironmentCatalog environments;

  public RollbackValidator(EnvironmentCatalog environments) {
    this.environments = environments;
  }

  public RollbackRequest validate(RollbackParameters p) {
    String rollbackId = id("rollback id", p.rollbackId());
    String group = PlainName.require("workload group", p.group());
    Environment target =
        environments
            .find(p.targetEnv())
            .orElseThrow(
                () ->
                    new RequestRejectedException(
                        RejectionReason.UNKNOWN_ENVIRONMENT,
                        "unknown environment '"
                            + p.targetEnv()
                            + "'; known: "
                            + environments.names()));
    boolean hasReason = p.reason() != null && !p.reason().isBlank();
    if (p.force() && !hasReason) {
      throw new RequestRejectedException(
          RejectionReason.REASON_REQUIRED,
          "a forced rollback needs a reason (--reason / spec.reason)");
    }
    if (p.emergency() && !hasReason) {
      throw new RequestRejectedException(
          RejectionReason.REASON_REQUIRED,
          "an emergency rollback needs a reason (--reason / spec.reason): it bypasses the"
              + " merge request gate");
    }
    RollbackWindow window = p.window() == null ? RollbackWindow.DEFAULT : p.window();
    String expected =
        p.expectedPromotionId() == null || p.expectedPromotionId().isBlank()
            ? null
            : id("promotion id", p.expectedPromotionId().trim());
    String requestedBy =
        p.requestedBy() == null || p.requestedBy().isBlank() ? "unknown" : p.requestedBy().trim();
    return new RollbackRequest(
        rollbackId,
        group,
        target,
        p.dryRun(),
        p.force(),
        p.force() || p.emergency() ? p.reason().trim() : null,
        requestedBy,
        window,
        expected,
        p.emergency());
  }

  private static String id(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_NAME,
          what + " '" + value + "' must be 1 to 253 printable characters without spaces");
    }
    return value;
  }
}
