package io.gitops.promotion.git;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * One process at a time in a workspace, through an OS file lock that dies with its process. Whoever
 * holds it knows that every Git {@code *.lock} file in the workspace was left by a process that was
 * killed, and removes them, so a run after {@code kill -9} recovers instead of failing on a stale
 * lock.
 */
final class WorkspaceLock implements AutoCloseable {
  static final String FILE_NAME = "promotion.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks the workspace directory (created when missing), or refuses when another process holds it.
   */
  static WorkspaceLock acquire(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RequestRejectedException(
          RejectionReason.WORKSPACE_REFUSED,
          "workspace " + dir + " is not used: it is not a directory; nothing was touched");
    }
    if (Files.isDirectory(dir) && !ownedOrEmpty(dir)) {
      throw new RequestRejectedException(
          RejectionReason.WORKSPACE_REFUSED,
          "workspace "
              + dir
              + " is not used: it is not a workspace of this tool; nothing in it was touched");
    }
    try {
      Files.createDirectories(dir);
      FileChannel channel =
          FileChannel.open(
              dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new GitTransientException("workspace " + dir + " is in use by another process", null);
      }
      removeStaleGitLocks(dir);
      return new WorkspaceLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory this tool may use: empty, or a bare repository carrying this tool's lock file. */
  private static boolean ownedOrEmpty(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      if (children.findAny().isEmpty()) {
        return true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Files.isRegularFile(dir.resolve(FILE_NAME)) && Files.isRegularFile(dir.resolve("HEAD"));
  }

  private static void removeStaleGitLocks(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir, 6)) {
      files
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".lock")
                      && !p.getFileName().toString().equals(FILE_NAME))
          .filter(Files::isRegularFile)
          .forEach(p -> p.toFile().delete());
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
