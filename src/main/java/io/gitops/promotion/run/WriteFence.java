package io.gitops.promotion.run;

/**
 * Whether this process may still write to a repository. With replicas sharing repositories, only
 * while it holds the repository's Lease within its renew deadline; asked before every fetch and
 * push of a batch.
 */
@FunctionalInterface
public interface WriteFence {
  /** A single process writes everything. */
  WriteFence OPEN = repository -> true;

  boolean mayWrite(String repository);
}
