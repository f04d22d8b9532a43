package io.gitops.promotion.engine;

/**
 * The message of a promotion commit: a subject naming the promotion, one line per tag change, and
 * trailers ({@code Promotion-Id}, {@code Requested-By}, {@code Forced}) that make the commit
 * recognisable by a retry of the same promotion.
 */
public final class PromotionCommitMessage {
  public static final String PROMOTION_ID = "Promotion-Id";
  public static final String REQUESTED_BY = "Requested-By";
  public static final String FORCED = "Forced";

  private PromotionCommitMessage() {}

  public static String of(PromotionPlan plan) {
    PromotionRequest r = plan.request();
    StringBuilder text = new StringBuilder("Promote ").append(PromotionTitle.withGroup(plan, "->"));
    if (r.force()) {
      text.append(" (FORCED)");
    }
    text.append("\n\n");
    for (TagChange c : plan.changes()) {
      text.append("- ")
          .append(c.service())
          .append('/')
          .append(c.app())
          .append(": ")
          .append(c.from() == null ? "(none)" : c.from())
          .append(" -> ")
          .append(c.to())
          .append('\n');
    }
    text.append('\n')
        .append(PROMOTION_ID)
        .append(": ")
        .append(r.promotionId())
        .append('\n')
        .append(REQUESTED_BY)
        .append(": ")
        .append(oneLine(r.requestedBy()))
        .append('\n');
    if (r.force()) {
      text.append(FORCED).append(": ").append(oneLine(r.reason())).append('\n');
    }
    return text.toString();
  }

  public static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }
}
