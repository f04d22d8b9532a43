package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.PromotionCommitMessage;

/**
 * The title of a rollback and the message of its commit: a subject naming the group, environment
 * and promotion, one line per restored tag and per application left alone, and trailers ({@code
 * Rollback-Of}, {@code Rollback-Id}, {@code Requested-By}, {@code Forced}) that make the commit
 * recognisable by a retry of the same rollback. The reason of a forced or emergency rollback is its
 * {@code Forced} trailer.
 */
public final class RollbackCommitMessage {
  public static final String ROLLBACK_OF = "Rollback-Of";
  public static final String ROLLBACK_ID = "Rollback-Id";

  private RollbackCommitMessage() {}

  /**
   * {@code Roll back tbd-test [TST] v1.5.0 (promotion p-1)}, {@code Preview roll back ...} for a
   * dry run; suffixed {@code (FORCED)} and {@code (EMERGENCY)}.
   */
  public static String title(RollbackPlan plan) {
    RollbackRequest r = plan.request();
    String version = plan.promotion().version();
    return (r.dryRun() ? "Preview roll back " : "Roll back ")
        + r.group()
        + " ["
        + r.target().name()
        + "]"
        + (version == null ? "" : " " + (version.startsWith("v") ? version : "v" + version))
        + " (promotion "
        + plan.promotionId()
        + ")"
        + (r.force() ? " (FORCED)" : "")
        + (r.emergency() ? " (EMERGENCY)" : "");
  }

  public static String of(RollbackPlan plan) {
    RollbackRequest r = plan.request();
    StringBuilder text = new StringBuilder(title(plan)).append("\n\n");
    for (Restoration c : plan.restorations()) {
      text.append("- ")
          .append(c.service())
          .append('/')
          .append(c.app())
          .append(": ")
          .append(c.from())
          .append(" -> ")
          .append(c.to())
          .append('\n');
    }
    if (!plan.conflicts().isEmpty()) {
      text.append("\nLeft alone, changed since the promotion:\n");
      for (Conflict c : plan.conflicts()) {
        text.append("- ")
            .append(c.service())
            .append('/')
            .append(c.app())
            .append(": ")
            .append(c.actual() == null ? "gone" : "at " + c.actual())
            .append(", promoted ")
            .append(c.expected())
            .append(", before ")
            .append(c.restoreTo())
            .append('\n');
      }
    }
    text.append('\n')
        .append(ROLLBACK_OF)
        .append(": ")
        .append(plan.promotionId())
        .append('\n')
        .append(ROLLBACK_ID)
        .append(": ")
        .append(r.rollbackId())
        .append('\n')
        .append(PromotionCommitMessage.REQUESTED_BY)
        .append(": ")
        .append(PromotionCommitMessage.oneLine(r.requestedBy()))
        .append('\n');
    if (r.force() || r.emergency()) {
      text.append(PromotionCommitMessage.FORCED)
          .append(": ")
          .append(PromotionCommitMessage.oneLine(r.reason()))
          .append('\n');
    }
    return text.toString();
  }
}
