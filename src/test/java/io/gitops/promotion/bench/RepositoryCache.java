package io.gitops.promotion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Generated repositories kept between harness runs, one per shape: generating H = 10,000 takes tens
 * of seconds, and the same shape and seed always give the same repository. Callers copy a cached
 * repository before changing it.
 */
final class RepositoryCache {
  /**
   * Raise when the generator's output changes, so that older cached repositories are not reused.
   */
  static final int GENERATOR_VERSION = 1;

  /**
   * @param generationSeconds how long generating took, NaN when the repository came from the cache
   */
  record Entry(SyntheticRepository repository, double generationSeconds) {}

  private final Path dir;

  RepositoryCache(Path dir) {
    this.dir = dir;
  }

  Entry get(RepositoryShape shape, boolean regenerate) {
    String key =
        "groups-"
            + shape.groupSizes().stream().map(String::valueOf).collect(Collectors.joining("-"))
            + "_a"
            + shape.appsPerService()
            + "_h"
            + shape.commits()
            + "_seed"
            + shape.seed()
            + "_v"
            + GENERATOR_VERSION;
    Path repo = dir.resolve(key + ".git");
    Path complete = dir.resolve(key + ".complete");
    try {
      if (!regenerate && Files.exists(complete)) {
        return new Entry(SyntheticRepository.existing(shape, repo), Double.NaN);
      }
      Files.deleteIfExists(complete);
      BenchFiles.deleteTree(repo);
      Files.createDirectories(dir);
      long start = System.nanoTime();
      SyntheticRepository generated = SyntheticRepository.generate(shape, repo);
      double seconds = (System.nanoTime() - start) / 1e9;
      Files.writeString(complete, shape + "\n");
      return new Entry(generated, seconds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
