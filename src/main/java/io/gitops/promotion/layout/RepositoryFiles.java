package io.gitops.promotion.layout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The files of one commit of the GitOps repository, read straight from its objects: no work tree,
 * nothing outside the object database. Paths are relative to the repository root and use '/'.
 * Anything that is not a regular file or a directory where one is read (a symbolic link, a
 * submodule, an executable) is refused with a {@link RequestRejectedException} naming the path,
 * never followed.
 */
public interface RepositoryFiles {
  /** The content of a regular file decoded as UTF-8; empty when the path does not exist. */
  Optional<String> read(String path);

  /**
   * The names of the sub-directories of a directory, sorted; empty when there is no such directory.
   */
  List<String> directories(String path);

  /**
   * Since when a file has held what it holds now, as far as it matters: walking back through the
   * commits that changed it, the time of the oldest one in the unbroken run whose content still
   * satisfies {@code holds}. Empty when the file does not exist. Where the history available ends
   * (a shallow fetch), the answer is the oldest commit seen: younger than the truth, never older.
   */
  Optional<Instant> since(String path, Predicate<String> holds);

  /**
   * What a file held before the newest commit that changed it; empty when that commit created it or
   * the history available ends there (a shallow fetch).
   */
  Optional<String> beforeLastChange(String path);
}
