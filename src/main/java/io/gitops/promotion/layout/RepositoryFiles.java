package io.gitops.promotion.layout;

import java.util.List;
import java.util.Optional;

/**
 * The files of one commit of the GitOps repository, read straight from its objects: no work tree,
 * nothing outside the object database. Paths are relative to the repository root and use '/'.
 * Anything that is not a regular file or a directory where one is read (a symbolic link, a submodule,
 * an executable) is refused with a {@link PromotionRejectedException} naming the path, never followed.
 */
public interface RepositoryFiles {
  /** The content of a regular file decoded as UTF-8; empty when the path does not exist. */
  Optional<String> read(String path);

  /** The names of the sub-directories of a directory, sorted; empty when there is no such directory. */
  List<String> directories(String path);

  /** The names of every entry of a directory (files, directories, links), sorted. */
  List<String> entries(String path);
}
