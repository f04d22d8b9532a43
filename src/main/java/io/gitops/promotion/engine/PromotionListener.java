package io.gitops.promotion.engine;

/** Hears the moments of a promotion run that metrics and tests care about. */
public interface PromotionListener {
  PromotionListener NONE = new PromotionListener() {};

  /** The commit is made and about to be pushed. */
  default void beforePush(PromotionRequest request, int attempt) {}

  /**
   * The remote rejected a push because the branch moved; the promotion is re-planned on the new
   * head.
   */
  default void pushRejected(PromotionRequest request, int attempt) {}
}
