package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The common pool's parallelism as a one-CPU JVM sees it, in a child JVM so the setting is its
 * first.
 */
class CommonPoolParallelismTest {
  /** The child: applies the rule, then prints the parallelism the common pool got. */
  public static final class Child {
    public static void main(String[] args) {
      CommonPoolParallelism.ensureMinimum();
      System.out.print(ForkJoinPool.getCommonPoolParallelism());
    }
  }

  @Test
  void aOneCpuJvmGetsAPoolOfTwoSoContinuationsDoNotEachStartAThread() throws Exception {
    assertThat(childParallelism(List.of("-XX:ActiveProcessorCount=1"))).isEqualTo("2");
  }

  @Test
  void aValueTheUserGaveIsKept() throws Exception {
    assertThat(
            childParallelism(
                List.of(
                    "-XX:ActiveProcessorCount=1", "-D" + CommonPoolParallelism.PROPERTY + "=1")))
        .isEqualTo("1");
  }

  @Test
  void aMachineWithEnoughCpusIsLeftAlone() throws Exception {
    assertThat(childParallelism(List.of("-XX:ActiveProcessorCount=8"))).isEqualTo("7");
  }

  private static String childParallelism(List<String> flags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
