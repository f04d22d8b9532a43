package io.gitops.promotion.publish;

/** How the deployments step ended. */
public enum DeploymentsOutcome {
  /** This run registered at least one deployment. */
  CREATED("Created"),
  /** Every deployment was there already: an earlier run of the same promotion made it. */
  ALREADY_EXISTED("AlreadyExisted"),
  /** Nothing to do: not promoted, or no GitLab configured. */
  SKIPPED("Skipped"),
  /** The step failed or did not run; the deployments it made before are recorded. */
  NOT_DONE("NotDone");

  private final String label;

  DeploymentsOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
