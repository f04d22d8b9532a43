package io.gitops.promotion.bench;

import io.gitops.promotion.state.PromotionRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.state.TagSnapshot;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every promotion does to {@code promote-state.yaml}: parse it, replace one group's entry,
 * render it again. The file holds the latest promotion of {@code groups} groups of 50 services (2
 * apps each) into each of TST, STG and PRD, so its cost grows with the repository, not with the
 * promotion.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StateFileBenchmark {
  private static final int SERVICES = 50;
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  @Param({"10", "50"})
  public int groups;

  private String text;
  private StateEntry entry;

  @Setup
  public void stateFile() {
    StateFile state = StateFile.empty();
    for (String env : List.of("TST", "STG", "PRD")) {
      for (int g = 0; g < groups; g++) {
        state = state.withEntry(env, entry("group-" + g, env));
      }
    }
    text = state.render();
    entry = entry("group-0", "TST");
  }

  @Benchmark
  public String updateOneGroup() {
    return StateFile.parse(text).withEntry("TST", entry).render();
  }

  private static StateEntry entry(String group, String env) {
    TagSnapshot.Builder pre = TagSnapshot.builder();
    TagSnapshot.Builder post = TagSnapshot.builder();
    for (int s = 0; s < SERVICES; s++) {
      for (String app : List.of("api", "worker")) {
        pre.put("service-" + s, group + "-service-" + s + "-" + app, "1." + s + ".0");
        post.put("service-" + s, group + "-service-" + s + "-" + app, "1." + s + ".1");
      }
    }
    PromotionRecord record =
        new PromotionRecord("p-" + group, "1.0.1", "DEV", env, AT, "release-bot", "v1.0.1", null);
    return new StateEntry(group, record, pre.build(), post.build(), List.of());
  }
}
