package io.gitops.promotion.engine;

/**
 * The description of a promotion's merge request, in GitLab Markdown: the changes as a table, the
 * warnings, the changelog the release will carry (out of a release source), who asked and why it
 * was forced, and where it came from. Pure.
 */
public final class MergeRequestText {
  private MergeRequestText() {}

  /**
   * @param origin e.g. {@code Promotion default/tbd-test-to-stg}; null when unknown
   */
  public static String description(PromotionPlan plan, String origin) {
    return description(plan, origin, null);
  }

  /**
   * @param origin e.g. {@code Promotion default/tbd-test-to-stg}; null when unknown
   * @param changelog the {@code # Changelog} Markdown of the release the promotion leads to; null
   *     when it leads to none
   */
  public static String description(PromotionPlan plan, String origin, String changelog) {
    PromotionRequest r = plan.request();
    StringBuilder text = new StringBuilder();
    text.append("Promotes workload group `")
        .append(r.group())
        .append("` from ")
        .append(r.source().name())
        .append(" to ")
        .append(r.target().name());
    if (plan.version() != null) {
      text.append(", release version `").append(plan.version()).append('`');
    }
    text.append(".\n\n| Service | Application | From | To |\n|---|---|---|---|\n");
    for (TagChange c : plan.changes()) {
      text.append("| ")
          .append(cell(c.service()))
          .append(" | ")
          .append(cell(c.app()))
          .append(" | `")
          .append(c.from() == null ? "-" : cell(c.from()))
          .append("` | `")
          .append(cell(c.to()))
          .append("` |\n");
    }
    if (!plan.warnings().isEmpty()) {
      text.append("\n**Warnings**\n\n");
      plan.warnings()
          .forEach(w -> text.append("- ").append(PromotionCommitMessage.oneLine(w)).append('\n'));
    }
    if (changelog != null) {
      text.append('\n').append(changelog.strip()).append('\n');
    }
    text.append("\nRequested by: ")
        .append(PromotionCommitMessage.oneLine(r.requestedBy()))
        .append('\n');
    if (r.force()) {
      text.append("\n**Forced** off the promotion path: ")
          .append(PromotionCommitMessage.oneLine(r.reason()))
          .append('\n');
    }
    if (origin != null) {
      text.append("\nOpened by promotion-operator for ").append(origin).append(".\n");
    }
    text.append("\n")
        .append(PromotionCommitMessage.PROMOTION_ID)
        .append(": ")
        .append(r.promotionId())
        .append('\n');
    return text.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
  }
}
