package io.gitops.promotion.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the end-to-end harness runs. Defaults: groups of 10, 100 and 500 services in one repository
 * per history length H = 100 and 10,000; {@code --quick} is a smoke run of the same code paths.
 *
 * @param jar the CLI jar; null skips the CLI scenarios
 */
record HarnessOptions(
    List<Integer> sizes,
    List<Integer> histories,
    int warmups,
    int coldRuns,
    int warmRuns,
    int cliRuns,
    Path jar,
    Path out,
    boolean regenerate,
    boolean breakdown) {

  static final String USAGE =
      """
      usage: EndToEndBenchmark [--quick] [--sizes 10,100,500] [--histories 100,10000] [--runs N]
                               [--cli-runs N] [--jar target/promotion-operator.jar] [--out target/bench]
                               [--regenerate] [--no-breakdown]""";

  static HarnessOptions parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    List<Integer> sizes = quick ? List.of(10, 100) : List.of(10, 100, 500);
    List<Integer> histories = quick ? List.of(100) : List.of(100, 10_000);
    int warmups = 1;
    int coldRuns = quick ? 2 : 5;
    int warmRuns = quick ? 3 : 7;
    int cliRuns = quick ? 1 : 5;
    Path jar = null;
    Path out = Path.of("target/bench");
    boolean regenerate = false;
    boolean breakdown = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> {}
        case "--sizes" -> sizes = ints(args[++i]);
        case "--histories" -> histories = ints(args[++i]);
        case "--runs" -> {
          coldRuns = Integer.parseInt(args[++i]);
          warmRuns = coldRuns;
        }
        case "--cli-runs" -> cliRuns = Integer.parseInt(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]).toAbsolutePath();
        case "--out" -> out = Path.of(args[++i]);
        case "--regenerate" -> regenerate = true;
        case "--no-breakdown" -> breakdown = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new HarnessOptions(
        sizes,
        histories,
        warmups,
        coldRuns,
        warmRuns,
        cliRuns,
        jar,
        out.toAbsolutePath(),
        regenerate,
        breakdown);
  }

  private static List<Integer> ints(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
