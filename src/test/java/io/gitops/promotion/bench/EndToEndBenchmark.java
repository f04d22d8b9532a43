package io.gitops.promotion.bench;

import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.testing.GitHttpServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end benchmark ({@code hack/bench.sh e2e}): promotions of one group through the engine
 * against JGit's smart-HTTP server on loopback with basic authentication, cold and warm, for each
 * group size and history length; then the {@code promote} CLI as a separate JVM. Prints a Markdown
 * table and writes it with a CSV to {@code --out}. Every loop is bounded by the run counts.
 */
public final class EndToEndBenchmark {
  private static final String USER = "bench";
  private static final String PASSWORD = "bench-secret";
  private static final int APPS_PER_SERVICE = 2;

  private final HarnessOptions options;
  private final ResultTable table = new ResultTable();
  private final List<String> notes = new ArrayList<>();

  private EndToEndBenchmark(HarnessOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new EndToEndBenchmark(HarnessOptions.parse(args)).run();
  }

  private void run() throws Exception {
    double loadBefore = ProcessCpu.loadAverage();
    Path work = Files.createTempDirectory("bench-e2e-");
    Path served = Files.createDirectories(work.resolve("served"));
    RepositoryCache cache = new RepositoryCache(options.out().resolve("repos"));
    try (GitHttpServer server = GitHttpServer.start(served, USER, PASSWORD)) {
      for (int history : options.histories()) {
        RepositoryShape shape = RepositoryShape.mixed(options.sizes(), APPS_PER_SERVICE, history);
        RepositoryCache.Entry cached = cache.get(shape, options.regenerate());
        note(
            String.format(
                Locale.ROOT,
                "repository %s: %s",
                shape,
                Double.isNaN(cached.generationSeconds())
                    ? "from the cache"
                    : String.format(
                        Locale.ROOT, "generated in %.1f s", cached.generationSeconds())));
        String name = "h" + history + ".git";
        SyntheticRepository repo = cached.repository().copyTo(served.resolve(name));
        // A real server tidies its repositories on other machines; here its gc would take the
        // engine's CPU.
        repo.disableAutomaticGc();
        GitRemote remote =
            new GitRemote(
                server.url(name),
                SyntheticRepository.BRANCH,
                new GitCredentials.UsernamePassword(USER, PASSWORD));
        engine(repo, remote, history, work.resolve("clones"));
        if (options.jar() != null) {
          cli(repo, server.url(name), history, work.resolve("cli"));
        }
      }
      if (options.jar() != null) {
        table.add(
            "CLI --version (JVM start-up floor)",
            null,
            null,
            new CliScenario(options.jar(), work.resolve("cli"), Map.of())
                .run(List.of("--version"), 1, options.cliRuns()));
      }
    } finally {
      BenchFiles.deleteTree(work);
    }
    note(
        String.format(
            Locale.ROOT,
            "load average %.2f before, %.2f after",
            loadBefore,
            ProcessCpu.loadAverage()));
    String header = header();
    System.out.println(header);
    System.out.println(table.markdown());
    table.write(options.out(), header);
    System.out.println("written to " + options.out().resolve("results.md"));
  }

  private void engine(SyntheticRepository repo, GitRemote remote, int history, Path clones) {
    EngineScenario scenario = new EngineScenario(repo, remote, clones);
    for (int i = 0; i < options.sizes().size(); i++) {
      String group = repo.groups().get(i);
      int size = options.sizes().get(i);
      progress("engine cold", history, size);
      table.add(
          "engine cold (clone + promote)",
          history,
          size,
          scenario.cold(group, options.warmups(), options.coldRuns()));
      progress("engine warm", history, size);
      table.add(
          "engine warm (open clone + promote)",
          history,
          size,
          scenario.warm(group, options.warmups(), options.warmRuns()));
    }
    if (options.breakdown()) {
      int largest =
          options.sizes().indexOf(options.sizes().stream().max(Integer::compare).orElseThrow());
      progress("warm step breakdown", history, options.sizes().get(largest));
      new StepBreakdown(repo, remote)
          .warm(
              repo.groups().get(largest),
              clones.resolve("breakdown"),
              options.warmups(),
              options.warmRuns())
          .forEach(
              (step, samples) ->
                  table.add(
                      "  warm step: " + step, history, options.sizes().get(largest), samples));
    }
  }

  /**
   * Preview of the group closest to 100 services, as a new JVM: with a temporary clone, then a kept
   * one.
   */
  private void cli(SyntheticRepository repo, String url, int history, Path scratch) {
    int index = 0;
    for (int i = 0; i < options.sizes().size(); i++) {
      if (Math.abs(options.sizes().get(i) - 100) < Math.abs(options.sizes().get(index) - 100)) {
        index = i;
      }
    }
    String group = repo.groups().get(index);
    int size = options.sizes().get(index);
    repo.bumpTags(group, "dev");
    CliScenario cli =
        new CliScenario(
            options.jar(), scratch, Map.of("GIT_USERNAME", USER, "GIT_PASSWORD", PASSWORD));
    List<String> preview =
        List.of("promote", "--repo", url, "--group", group, "--from", "DEV", "--to", "TST");
    progress("CLI preview", history, size);
    table.add(
        "CLI preview, temporary clone", history, size, cli.run(preview, 1, options.cliRuns()));
    List<String> kept = new ArrayList<>(preview);
    kept.addAll(List.of("--workspace", scratch.resolve("kept-" + history).toString()));
    table.add(
        "CLI preview, kept workspace (--workspace)",
        history,
        size,
        cli.run(kept, 1, options.cliRuns()));
  }

  private String header() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "machine: %d CPUs, %.1f GiB, %s %s (%s), %s%n",
                os.getAvailableProcessors(),
                memory / (1024.0 * 1024 * 1024),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    out.append(
        String.format(
            Locale.ROOT,
            "runs: %d warm-up + %d cold / %d warm per scenario, %d CLI runs%n",
            options.warmups(),
            options.coldRuns(),
            options.warmRuns(),
            options.cliRuns()));
    notes.forEach(n -> out.append(n).append('\n'));
    return out.toString();
  }

  private void note(String text) {
    notes.add(text);
    System.out.println(text);
  }

  private static void progress(String what, int history, int size) {
    System.out.printf(Locale.ROOT, "... %s H=%d S=%d%n", what, history, size);
  }
}
