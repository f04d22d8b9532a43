package io.gitops.promotion.bench;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.Planner;
import io.gitops.promotion.engine.PromotionCommitMessage;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.engine.UnifiedDiff;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.PushOutcome;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.state.PromotionRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where the time of a warm promotion goes: the engine's steps run one by one through the same
 * public calls {@code PromotionEngine.run} makes, each timed. For profiling; the headline figures
 * come from {@link EngineScenario}, which runs the engine itself. Each step records its wall time
 * and the CPU time of the calling thread (server-side work of fetch and push is not in the latter),
 * which stays meaningful on a machine busy with other work.
 */
final class StepBreakdown {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final SyntheticRepository repository;
  private final GitRemote remote;
  private final OverlaysLayout layout = OverlaysLayout.defaults();
  private final Planner planner = new Planner(layout);
  private final RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
  private final Map<String, Samples> steps = new LinkedHashMap<>();

  StepBreakdown(SyntheticRepository repository, GitRemote remote) {
    this.repository = repository;
    this.remote = remote;
  }

  /**
   * Runs warm promotions in {@code dir} (cloned first, not counted) and returns step -> samples.
   */
  Map<String, Samples> warm(String group, Path dir, int warmups, int runs) {
    GitWorkspace.open(remote, dir).close();
    for (int i = 0; i < warmups + runs; i++) {
      promote(group, dir, i >= warmups);
    }
    try {
      BenchFiles.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return steps;
  }

  private void promote(String group, Path dir, boolean record) {
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
    try (GitWorkspace ws = time("open", record, () -> GitWorkspace.open(remote, dir))) {
      time("sync (fetch into the bare repository)", record, ws::sync);
      RepositoryFiles files = ws.files();
      PromotionPlan plan =
          time("plan (read blobs, edit)", record, () -> planner.plan(request, files));
      time("diff", record, () -> UnifiedDiff.of(plan.edits()).text());
      Map<String, String> writes = new LinkedHashMap<>();
      plan.edits().forEach(edit -> writes.put(edit.path(), edit.after()));
      writes.put(
          layout.stateFile(),
          time("state file (parse, update, render)", record, () -> stateFile(plan, files)));
      time(
          "commit (blobs, trees on the paths, commit)",
          record,
          () ->
              ws.commit(
                  writes,
                  PromotionCommitMessage.of(plan),
                  new org.eclipse.jgit.lib.PersonIdent(EngineScenario.COMMITTER, Instant.now())));
      if (time("push", record, ws::push) != PushOutcome.PUSHED) {
        throw new IllegalStateException(
            "push rejected: nothing else writes to the repository during the benchmark");
      }
    }
  }

  private String stateFile(PromotionPlan plan, RepositoryFiles files) {
    PromotionRequest r = plan.request();
    PromotionRecord record =
        new PromotionRecord(
            r.promotionId(),
            plan.version(),
            r.source().name(),
            r.target().name(),
            Instant.now(),
            r.requestedBy(),
            plan.releaseTag(),
            null);
    return StateFile.parse(files.read(layout.stateFile()).orElse(""))
        .withEntry(
            r.target().name(),
            new StateEntry(r.group(), record, plan.preState(), plan.postState(), List.of()))
        .render();
  }

  private <T> T time(String step, boolean record, Supplier<T> work) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    T result = work.get();
    if (record) {
      steps
          .computeIfAbsent(step, s -> new Samples())
          .add((System.nanoTime() - start) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
    return result;
  }
}
