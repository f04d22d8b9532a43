package io.gitops.promotion.bench;

import io.gitops.promotion.bench.WorkloadModel.App;
import io.gitops.promotion.bench.WorkloadModel.Service;
import io.gitops.promotion.yaml.OverlayFile;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Byte-exact tag editing of realistic overlays, as the planner does it for every target file:
 * {@code OverlayFile.parse} then {@code withTags}. Throughput is in files per second (one operation
 * = one file), the {@code bytes} counter in bytes per second; {@code editOneFile} samples the
 * latency of single files.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TagEditingBenchmark {
  static final int FILES = 1_000;

  private final String[] texts = new String[FILES];
  private final int[] sizes = new int[FILES];
  private final List<Map<String, String>> newTags = new java.util.ArrayList<>();
  private int next;

  /** Bytes of overlay text processed, reported per second next to the file rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  /**
   * TST overlays of 1,000 services in every style the generator writes, each to get its DEV tags.
   */
  @Setup
  public void overlays() {
    WorkloadModel model =
        WorkloadModel.create(
            RepositoryShape.uniform(10, FILES / 10, 2, 1, 42L), new SplittableRandom(42L));
    for (int i = 0; i < FILES; i++) {
      Service service = model.services.get(i);
      texts[i] = OverlayTemplate.overlay(service, WorkloadModel.TST);
      sizes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
      Map<String, String> tags = new LinkedHashMap<>();
      for (App app : service.apps) {
        tags.put(app.name, app.tags[WorkloadModel.DEV].toString());
      }
      newTags.add(tags);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(FILES)
  public long parseAndEdit(Volume volume) throws OverlayFormatException {
    long length = 0;
    for (int i = 0; i < FILES; i++) {
      length += OverlayFile.parse(texts[i]).withTags(newTags.get(i)).length();
      volume.bytes += sizes[i];
    }
    return length;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(FILES)
  public int parseOnly() throws OverlayFormatException {
    int apps = 0;
    for (int i = 0; i < FILES; i++) {
      apps += OverlayFile.parse(texts[i]).applications().size();
    }
    return apps;
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String editOneFile() throws OverlayFormatException {
    int i = next++ % FILES;
    return OverlayFile.parse(texts[i]).withTags(newTags.get(i));
  }
}
