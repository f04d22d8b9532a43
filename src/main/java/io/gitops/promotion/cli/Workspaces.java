package io.gitops.promotion.cli;

import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A command's clone: the one the user asked to keep, or a temporary one removed afterwards. */
final class Workspaces implements AutoCloseable {
  private final Path temporary;
  private final GitWorkspace workspace;

  private Workspaces(Path temporary, GitWorkspace workspace) {
    this.temporary = temporary;
    this.workspace = workspace;
  }

  static Workspaces open(GitRemote remote, Path kept) {
    try {
      if (kept != null) {
        return new Workspaces(null, GitWorkspace.open(remote, kept.toAbsolutePath()));
      }
      Path temporary = Files.createTempDirectory("promotion-");
      try {
        return new Workspaces(temporary, GitWorkspace.open(remote, temporary.resolve("repo")));
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
    workspace.close();
    if (temporary != null) {
      delete(temporary);
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
