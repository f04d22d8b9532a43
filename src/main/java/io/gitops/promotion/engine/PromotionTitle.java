package io.gitops.promotion.engine;

/**
 * The one-line name of a promotion, as the pipeline named its runs:
 * {@code Promote [DEV] v1.5.0 -> [TST] v1.3.0}, {@code Preview [...]} for a dry run and a
 * {@code (FORCED)} suffix when forced.
 */
public final class PromotionTitle {
  private PromotionTitle() {}

  public static String of(PromotionPlan plan) {
    PromotionRequest r = plan.request();
    String verb = r.dryRun() ? "Preview" : "Promote";
    return verb + " [" + r.source().name() + "] " + versionText(plan.version())
        + " -> [" + r.target().name() + "] " + versionText(plan.leadTargetTag())
        + (r.force() ? " (FORCED)" : "");
  }

  /** The release heading: {@code tbd-test [DEV] v1.5.0 -> [TST] v1.3.0}, with the group. */
  public static String withGroup(PromotionPlan plan, String arrow) {
    PromotionRequest r = plan.request();
    return r.group() + " [" + r.source().name() + "] " + versionText(plan.version())
        + " " + arrow + " [" + r.target().name() + "] " + versionText(plan.leadTargetTag());
  }

  static String versionText(String tag) {
    if (tag == null) {
      return "(none)";
    }
    return tag.startsWith("v") ? tag : "v" + tag;
  }
}
