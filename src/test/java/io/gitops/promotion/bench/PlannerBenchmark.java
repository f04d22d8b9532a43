package io.gitops.promotion.bench;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.Planner;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PromotionRequest;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.engine.UnifiedDiff;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.layout.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning DEV -> TST of one group on a checked-out work tree, every service changed: what a
 * promotion costs between the Git steps. {@code planAndDiff} adds the unified diff a preview shows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlannerBenchmark {
  @Param({"100", "500"})
  public int services;

  private Path dir;
  private RepositoryFiles workTree;
  private GitWorkspace workspace;
  private PromotionRequest request;
  private final Planner planner = new Planner(OverlaysLayout.defaults());

  @Setup
  public void repository() throws IOException {
    dir = Files.createTempDirectory("bench-planner-");
    SyntheticRepository repo =
        SyntheticRepository.generate(
            RepositoryShape.mixed(List.of(services, 50), 2, 50), dir.resolve("repo.git"));
    String group = repo.groups().get(0);
    repo.bumpTags(group, "dev");
    workspace =
        GitWorkspace.open(
            new GitRemote(repo.bareDir().toUri().toString(), "main", GitCredentials.none()),
            dir.resolve("work.git"));
    workspace.sync();
    workTree = workspace.files();
    request =
        new RequestValidator(EnvironmentCatalog.defaults())
            .validate(
                new PromotionParameters(
                    "bench", group, "DEV", "TST", null, true, false, null, "bench"));
    PromotionPlan plan = planner.plan(request, workTree);
    if (plan.edits().size() != services) {
      throw new IllegalStateException(
          "expected every service to change, got " + plan.edits().size());
    }
  }

  @TearDown
  public void delete() throws IOException {
    workspace.close();
    BenchFiles.deleteTree(dir);
  }

  @Benchmark
  public PromotionPlan plan() {
    return planner.plan(request, workTree);
  }

  @Benchmark
  public String planAndDiff() {
    return UnifiedDiff.of(planner.plan(request, workTree).edits()).text();
  }
}
