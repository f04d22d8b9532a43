package io.gitops.promotion.run;

import java.util.List;

/** Hears the moments of a run that metrics and tests care about. */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** The commits are made and about to be pushed, in one push. */
  default void beforePush(List<Change<?>> changes, int attempt) {}

  /**
   * The remote rejected a push because someone else got there first; the changes are re-planned.
   */
  default void pushRejected(List<Change<?>> changes, int attempt) {}
}
