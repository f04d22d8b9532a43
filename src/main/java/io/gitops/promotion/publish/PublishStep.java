package io.gitops.promotion.publish;

/** The GitLab steps after a push, in the order they run. */
public enum PublishStep {
  /** Tag {@code v<version>} on the promotion commit and its release with the changelog. */
  RELEASE("release"),
  /** The target environment's deployments on the GitOps project and the source projects. */
  DEPLOYMENTS("deployments");

  private final String label;

  PublishStep(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
