package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.PromotionCommitMessage;

/**
 * The description of a rollback's merge request, in GitLab Markdown: the tags it restores as a
 * table, the applications it leaves alone, who asked and why it was forced, and where it came from.
 * Pure.
 */
public final class RollbackMergeRequestText {
  private RollbackMergeRequestText() {}

  /**
   * @param origin e.g. {@code PromotionRollback default/undo-stg}; null when unknown
   */
  public static String description(RollbackPlan plan, String origin) {
    RollbackRequest r = plan.request();
    StringBuilder text = new StringBuilder();
    text.append("Rolls back promotion `")
        .append(cell(plan.promotionId()))
        .append("` of workload group `")
        .append(r.group())
        .append("` in ")
        .append(r.target().name())
        .append(": restores the tags it replaced.\n\n")
        .append("| Service | Application | From | To |\n|---|---|---|---|\n");
    for (Restoration c : plan.restorations()) {
      text.append("| ")
          .append(cell(c.service()))
          .append(" | ")
          .append(cell(c.app()))
          .append(" | `")
          .append(cell(c.from()))
          .append("` | `")
          .append(cell(c.to()))
          .append("` |\n");
    }
    if (!plan.conflicts().isEmpty()) {
      text.append("\n**Left alone**, changed since the promotion:\n\n");
      for (Conflict c : plan.conflicts()) {
        text.append("- ")
            .append(cell(c.service()))
            .append('/')
            .append(cell(c.app()))
            .append(c.actual() == null ? ": gone" : ": at `" + cell(c.actual()) + "`")
            .append('\n');
      }
    }
    text.append("\nRequested by: ")
        .append(PromotionCommitMessage.oneLine(r.requestedBy()))
        .append('\n');
    if (r.force()) {
      text.append("\n**Forced**: ").append(PromotionCommitMessage.oneLine(r.reason())).append('\n');
    }
    if (origin != null) {
      text.append("\nOpened by promotion-operator for ").append(origin).append(".\n");
    }
    text.append('\n')
        .append(RollbackCommitMessage.ROLLBACK_ID)
        .append(": ")
        .append(r.rollbackId())
        .append('\n');
    return text.toString();
  }

  private static String cell(String text) {
    return text == null ? "-" : text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }
}
