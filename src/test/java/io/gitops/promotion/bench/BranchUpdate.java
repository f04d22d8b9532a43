package io.gitops.promotion.bench;

import java.io.IOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * Moves {@code main} of a bare repository, checking the result JGit reports instead of throwing.
 */
final class BranchUpdate {
  private BranchUpdate() {}

  /** Sets the branch, whatever it pointed to (the generator creates it). */
  static void force(Repository repo, ObjectId tip) throws IOException {
    RefUpdate update = repo.updateRef(Constants.R_HEADS + SyntheticRepository.BRANCH);
    update.setNewObjectId(tip);
    update.setForceUpdate(true);
    update.disableRefLog();
    check(update.update());
  }

  /** Moves the branch from {@code expected} to {@code tip}; fails if someone moved it meanwhile. */
  static void fastForward(Repository repo, ObjectId expected, ObjectId tip) throws IOException {
    RefUpdate update = repo.updateRef(Constants.R_HEADS + SyntheticRepository.BRANCH);
    update.setExpectedOldObjectId(expected);
    update.setNewObjectId(tip);
    update.disableRefLog();
    check(update.update());
  }

  private static void check(RefUpdate.Result result) {
    switch (result) {
      case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {}
      default ->
          throw new IllegalStateException(
              "updating " + SyntheticRepository.BRANCH + " failed: " + result);
    }
  }
}
