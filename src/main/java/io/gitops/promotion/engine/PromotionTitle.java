package io.gitops.promotion.engine;

import io.gitops.promotion.layout.ImageVersion;

/**
 * The one-line name of a promotion, as the pipeline named its runs: {@code Promote [DEV] v1.5.0 ->
 * [TST] v1.3.0}, {@code Preview [...]} for a dry run and a {@code (FORCED)} suffix when forced.
 */
public final class PromotionTitle {
  private PromotionTitle() {}

  public static String of(PromotionPlan plan) {
    PromotionRequest r = plan.request();
    String verb = r.dryRun() ? "Preview" : "Promote";
    return verb
        + " ["
        + r.source().name()
        + "] "
        + versionText(plan.version())
        + " -> ["
        + r.target().name()
        + "] "
        + versionText(plan.leadTargetTag())
        + (r.force() ? " (FORCED)" : "");
  }

  /** The release heading: {@code tbd-test [DEV] v1.5.0 -> [TST] v1.3.0}, with the group. */
  public static String withGroup(PromotionPlan plan, String arrow) {
    PromotionRequest r = plan.request();
    return r.group()
        + " ["
        + r.source().name()
        + "] "
        + versionText(plan.version())
        + " "
        + arrow
        + " ["
        + r.target().name()
        + "] "
        + versionText(plan.leadTargetTag());
  }

  /**
   * {@code v1.3.0}; a value pinned to a digest shows its tag only, one without a tag shows as
   * (none).
   */
  static String versionText(String value) {
    String tag =
        value == null || value.indexOf('@') < 0 && !value.startsWith("sha256:")
            ? value
            : ImageVersion.parse(value).tag();
    if (tag == null) {
      return "(none)";
    }
    return tag.startsWith("v") ? tag : "v" + tag;
  }
}
