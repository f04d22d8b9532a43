package io.gitops.promotion.engine;

import io.gitops.promotion.git.WorkspaceCache;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.RepositoryWriter;
import io.gitops.promotion.run.RepositoryWriters;
import java.util.function.BooleanSupplier;

/**
 * Hands promotions and rollbacks to the writer of their repository, which lands them in batches on
 * the repository's cached bare repository: one writer per repository branch, whatever the change.
 */
public final class RepositoryRunner {
  private final WorkspaceCache workspaces;
  private final RepositoryWriters writers;

  public RepositoryRunner(WorkspaceCache workspaces, RepositoryWriters writers) {
    this.workspaces = workspaces;
    this.writers = writers;
  }

  /** The writer of a repository, by its configured name. */
  public RepositoryWriter writer(String repositoryName) {
    return writers.of(repositoryName);
  }

  /**
   * Whether {@code revision} is {@code commit} or a commit after it on the repository's branch, as
   * far as the cached repository knows (a revision it has not fetched yet counts as not after).
   */
  public boolean isAtOrAfter(TargetRepository repository, String commit, String revision) {
    return commit.equals(revision)
        || workspaces
            .workspace(repository.name(), repository.remote())
            .isAtOrAfter(commit, revision);
  }

  /**
   * Queues a change on its repository's writer; {@code wake} runs when its outcome can be taken.
   *
   * @param key the change's identity (a resource uid): one change per key at a time
   * @param order its place among the changes landed together, older first
   * @param waitsForOlder whether an older change of the repository is not handed over yet (it lands
   *     first)
   */
  public void submit(
      TargetRepository repository,
      String key,
      String order,
      Change<?> change,
      Runnable wake,
      BooleanSupplier waitsForOlder) {
    submit(repository, key, order, change, wake, waitsForOlder, null);
  }

  /**
   * @param delivery how its commit reaches the branch; null: pushed, in a batch with the others
   */
  public void submit(
      TargetRepository repository,
      String key,
      String order,
      Change<?> change,
      Runnable wake,
      BooleanSupplier waitsForOlder,
      Delivery delivery) {
    writers
        .of(repository.name())
        .submit(
            new RepositoryWriter.Submission(
                key,
                order,
                change,
                () -> workspaces.workspace(repository.name(), repository.remote()),
                wake,
                waitsForOlder,
                delivery));
  }
}
