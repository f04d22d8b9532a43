package io.gitops.promotion.rollback;

/** Hears the moments of a rollback run that metrics and tests care about. */
public interface RollbackListener {
  RollbackListener NONE = new RollbackListener() {};

  /** The commit is made and about to be pushed. */
  default void beforePush(RollbackRequest request, int attempt) {}

  /**
   * The remote rejected a push because the branch moved; the rollback is re-planned on the new
   * head.
   */
  default void pushRejected(RollbackRequest request, int attempt) {}
}
