package io.gitops.promotion.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Generates one synthetic repository from the command line ({@code hack/bench.sh generate}), for
 * trying the tool on a large repository by hand.
 *
 * <p>{@code GenerateRepository <bare-dir> [group sizes, e.g. 10,100,500] [appsPerService] [commits]
 * [seed]}
 */
public final class GenerateRepository {
  private GenerateRepository() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println(
          "usage: generate <bare-dir> [group sizes=10,100,500] [apps=2] [commits=1000] [seed=42]");
      System.exit(2);
    }
    RepositoryShape shape =
        new RepositoryShape(
            Arrays.stream((args.length > 1 ? args[1] : "10,100,500").split(","))
                .map(Integer::valueOf)
                .toList(),
            args.length > 2 ? Integer.parseInt(args[2]) : 2,
            args.length > 3 ? Integer.parseInt(args[3]) : 1000,
            args.length > 4 ? Long.parseLong(args[4]) : RepositoryShape.DEFAULT_SEED);
    long start = System.nanoTime();
    SyntheticRepository repo =
        SyntheticRepository.generate(shape, Path.of(args[0]).toAbsolutePath());
    System.out.printf(
        "generated %s in %s in %.1f s; groups: %s%n",
        shape, repo.bareDir(), (System.nanoTime() - start) / 1e9, String.join(", ", repo.groups()));
  }
}
