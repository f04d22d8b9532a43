package io.gitops.promotion.bench;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File chores of the benchmarks: scratch directories and copies of generated repositories. */
final class BenchFiles {
  private BenchFiles() {}

  /**
   * Deletes a directory tree. Files may vanish meanwhile: JGit's automatic gc can still be tidying
   * a clone in the background when a scenario ends.
   */
  static void deleteTree(Path dir) throws IOException {
    for (int attempt = 1; Files.exists(dir); attempt++) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (NoSuchFileException | DirectoryNotEmptyException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
