package io.gitops.promotion.publish;

/** How the release step ended. */
public enum ReleaseOutcome {
  /** This run created the tag, the release, or both. */
  CREATED("Created"),
  /**
   * The tag (at the promotion commit) and its release were there already: an earlier run made them.
   */
  ALREADY_EXISTED("AlreadyExisted"),
  /**
   * The release tag already pointed at another commit (the lead service did not change): no tag, no
   * release, and the changes are reported as unreleased.
   */
  LEFT_WITHOUT_RELEASE("LeftWithoutRelease"),
  /** Nothing to do: not promoted, not a release source, no version, or no GitLab configured. */
  SKIPPED("Skipped"),
  /** The step failed or did not run; what it did before is recorded. */
  NOT_DONE("NotDone");

  private final String label;

  ReleaseOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
