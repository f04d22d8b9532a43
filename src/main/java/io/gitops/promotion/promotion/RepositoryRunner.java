package io.gitops.promotion.promotion;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.WorkspaceCache;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs work on a repository's cached clone while holding the repository's lock: one writer per
 * repository branch, whether the work is a promotion or a rollback.
 */
public final class RepositoryRunner {
  private final WorkspaceCache workspaces;
  private final RepositoryLocks locks;

  public RepositoryRunner(WorkspaceCache workspaces, RepositoryLocks locks) {
    this.workspaces = workspaces;
    this.locks = locks;
  }

  /** Runs the work when the repository is free; empty, at once, when another run holds it. */
  public <T> Optional<T> ifFree(TargetRepository repository, Function<GitWorkspace, T> work) {
    return locks.ifFree(repository.name(),
        () -> work.apply(workspaces.workspace(repository.name(), repository.remote())));
  }
}
