package io.gitops.promotion.run;

/**
 * A batch stopped because this process no longer holds its repository's Lease: nothing more is
 * pushed; the Lease's next holder lands the changes, finding by their trailers any already pushed.
 */
public final class WriteFencedException extends RuntimeException {
  public WriteFencedException(String repository) {
    super(
        "this replica no longer holds the Lease of repository '"
            + repository
            + "'; its next holder lands the change");
  }
}
