package io.gitops.promotion.run;

/**
 * A review branch is no longer at the commit the operator pushed to it (someone pushed there, or
 * deleted it): the operator leaves it as it is. Not a failure of the run; its merge request waits
 * for people.
 */
public final class ReviewBranchMovedException extends RuntimeException {
  private final String branch;

  public ReviewBranchMovedException(String branch, String expected) {
    super(
        "review branch "
            + branch
            + " is no longer at commit "
            + expected
            + " that promotion-operator pushed: someone changed it, so it is not overwritten;"
            + " resolve the request in GitLab");
    this.branch = branch;
  }

  public String branch() {
    return branch;
  }
}
