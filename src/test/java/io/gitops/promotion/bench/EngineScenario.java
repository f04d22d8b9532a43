package io.gitops.promotion.bench;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.OverlaysLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Promotions DEV -> TST of one group through the engine, against a Git server. Before each run a CI
 * commit gives every application of the group a new DEV tag (not timed), so that every run promotes
 * the whole group. Cold: each run clones into a new directory. Warm: each run opens the clone an
 * earlier run left, as the operator keeps its workspace. Timed: open (or clone), sync, plan, commit
 * and push, as {@code GitWorkspace.open} + {@code PromotionEngine.run} do them.
 */
final class EngineScenario {
  static final PersonIdent COMMITTER =
      new PersonIdent("promotion-operator", "promotion-operator@example.com");

  private final SyntheticRepository repository;
  private final GitRemote remote;
  private final Path scratch;
  private final PromotionEngine engine =
      new PromotionEngine(
          OverlaysLayout.defaults(), COMMITTER, Clock.systemUTC(), PromotionListener.NONE, 5);
  private final RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
  private int clones;

  EngineScenario(SyntheticRepository repository, GitRemote remote, Path scratch) {
    this.repository = repository;
    this.remote = remote;
    this.scratch = scratch;
  }

  Samples cold(String group, int warmups, int runs) {
    Samples samples = new Samples();
    for (int i = 0; i < warmups + runs; i++) {
      Path dir = scratch.resolve("cold-" + clones++);
      double[] measured = promote(group, dir);
      if (i >= warmups) {
        samples.add(measured[0], measured[1]);
      }
      delete(dir);
    }
    return samples;
  }

  Samples warm(String group, int warmups, int runs) {
    Path dir = scratch.resolve("warm-" + clones++);
    Samples samples = new Samples();
    promote(group, dir);
    for (int i = 0; i < warmups + runs; i++) {
      double[] measured = promote(group, dir);
      if (i >= warmups) {
        samples.add(measured[0], measured[1]);
      }
    }
    delete(dir);
    return samples;
  }

  /** Returns {wall ms, process CPU ms}. */
  private double[] promote(String group, Path dir) {
    repository.bumpTags(group, "dev");
    PromotionRequest request =
        validator.validate(
            new PromotionParameters(
                UUID.randomUUID().toString(),
                group,
                "DEV",
                "TST",
                null,
                false,
                false,
                null,
                "bench"));
    long cpu = ProcessCpu.nanos();
    long start = System.nanoTime();
    PromotionResult result;
    try (GitWorkspace workspace = GitWorkspace.open(remote, dir)) {
      result = engine.run(request, workspace, PromotionEngine.RunOptions.firstAttempt());
    }
    double wall = (System.nanoTime() - start) / 1e6;
    double cpuMillis = cpu < 0 ? Double.NaN : (ProcessCpu.nanos() - cpu) / 1e6;
    int expected = repository.services(group).size() * repository.shape().appsPerService();
    if (result.outcome() != PromotionOutcome.PROMOTED || result.changes().size() != expected) {
      throw new IllegalStateException(
          "expected "
              + expected
              + " changes promoted, got "
              + result.outcome()
              + " with "
              + result.changes().size());
    }
    return new double[] {wall, cpuMillis};
  }

  private static void delete(Path dir) {
    try {
      BenchFiles.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
