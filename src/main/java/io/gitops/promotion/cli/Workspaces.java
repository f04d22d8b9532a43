package io.gitops.promotion.cli;

import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A command's bare repository, fetched one commit deep: the one the user asked to keep (reused only
 * when this tool made it for the same remote and branch), or a temporary one removed afterwards,
 * after a failure too.
 */
final class Workspaces implements AutoCloseable {
  /** A promotion reads and writes only the branch's head; a fresh id never needs history. */
  static final int HEAD_ONLY = 1;

  /**
   * Soak time is measured from the history of the source overlays; a rollback gives an overlay back
   * its bytes from before the promotion.
   */
  static final int WHOLE_HISTORY = 0;

  private final Path temporary;
  private final GitWorkspace workspace;

  private Workspaces(Path temporary, GitWorkspace workspace) {
    this.temporary = temporary;
    this.workspace = workspace;
  }

  /**
   * @param depth commits of history to fetch, {@link #WHOLE_HISTORY} for all
   */
  static Workspaces open(GitRemote remote, Path kept, int depth) {
    try {
      if (kept != null) {
        return new Workspaces(null, GitWorkspace.open(remote, kept.toAbsolutePath(), depth));
      }
      Path temporary = Files.createTempDirectory("promotion-");
      try {
        return new Workspaces(
            temporary, GitWorkspace.open(remote, temporary.resolve("repo"), depth));
      } catch (RuntimeException e) {
        delete(temporary);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GitWorkspace workspace() {
    return workspace;
  }

  @Override
  public void close() {
    try {
      workspace.close();
    } finally {
      if (temporary != null) {
        delete(temporary);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
