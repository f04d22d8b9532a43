package io.gitops.promotion.git;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import org.eclipse.jgit.lib.FileMode;

/** The refusal of a tree entry that is not what a promotion may read or write. */
final class UnsupportedEntry {
  private UnsupportedEntry() {}

  static RequestRejectedException refuse(String path, FileMode mode, String expected) {
    return new RequestRejectedException(
        RejectionReason.UNSUPPORTED_ENTRY,
        path
            + " is "
            + describe(mode)
            + " where "
            + expected
            + " is expected; refused (nothing is followed or written)");
  }

  static String describe(FileMode mode) {
    if (mode == FileMode.SYMLINK) {
      return "a symbolic link";
    }
    if (mode == FileMode.GITLINK) {
      return "a submodule";
    }
    if (mode == FileMode.EXECUTABLE_FILE) {
      return "an executable file";
    }
    if (mode == FileMode.TREE) {
      return "a directory";
    }
    if (mode == FileMode.REGULAR_FILE) {
      return "a file";
    }
    return "an entry of mode " + mode;
  }
}
