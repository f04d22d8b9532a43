package io.gitops.promotion.publish;

import java.util.List;
import java.util.Objects;

/**
 * What the release step did, enough for a retry to resume and for the status to show.
 *
 * @param detail why it was skipped or left without a release, or what it did, in a few words
 * @param tag the promotion's release tag, at the promotion commit; {@code null} when it has none
 * @param tagSha the commit {@code tag} points at, {@code null} without a tag
 * @param tagCreated whether this run created the tag
 * @param releaseCreated whether this run created the release
 * @param releaseUrl the release's web page; {@code null} without a release or when GitLab did not
 *     say
 * @param unreleased the changes left without a release of their own ({@link
 *     ReleaseOutcome#LEFT_WITHOUT_RELEASE})
 */
public record ReleaseStepResult(
    ReleaseOutcome outcome,
    String detail,
    String tag,
    String tagSha,
    boolean tagCreated,
    boolean releaseCreated,
    String releaseUrl,
    List<PromotedApplication> unreleased) {

  public ReleaseStepResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    unreleased = List.copyOf(unreleased);
  }

  static ReleaseStepResult skipped(String reason) {
    return new ReleaseStepResult(
        ReleaseOutcome.SKIPPED, reason, null, null, false, false, null, List.of());
  }

  static ReleaseStepResult notStarted() {
    return new ReleaseStepResult(
        ReleaseOutcome.NOT_DONE, "not started", null, null, false, false, null, List.of());
  }

  /** {@code Created v1.5.0: ...}, {@code Skipped: ...}: one line for messages. */
  public String describe() {
    return outcome.label() + (tag == null ? "" : " " + tag) + ": " + detail;
  }
}
