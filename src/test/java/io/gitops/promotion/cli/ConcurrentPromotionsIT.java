package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Ten {@code promote} commands of different groups started at once against one repository: the
 * remote refuses all but one push at a time (moved branch, or a ref it could not lock), and every
 * refused command re-plans on the new head until it lands. All ten land, one commit each.
 */
class ConcurrentPromotionsIT {
  private static final int GROUPS = 10;

  @TempDir Path dir;

  @Test
  void tenConcurrentPromotionsOfDifferentGroupsAllLand() throws Exception {
    GitOpsRepository repo = GitOpsRepository.create(dir, "argocd.git", seed(dir.resolve("seed")));
    int commitsBefore = repo.log().size();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(GROUPS);
    List<Future<String>> runs = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      String group = "group-" + g;
      runs.add(
          pool.submit(
              () -> {
                start.await();
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cli = Main.commandLine(Map.of());
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(err));
                int code =
                    cli.execute(
                        "promote",
                        "--repo",
                        repo.fileUrl(),
                        "--group",
                        group,
                        "--from",
                        "DEV",
                        "--to",
                        "TST",
                        "--dry-run=false",
                        "--output",
                        "json");
                return code + " " + out + err;
              }));
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

    for (Future<String> run : runs) {
      assertThat(run.get()).startsWith("0 ").containsPattern("\"result\" ?: ?\"Promoted\"");
    }
    List<RevCommit> log = repo.log();
    assertThat(log).hasSize(commitsBefore + GROUPS);
    List<String> subjects =
        log.subList(0, GROUPS).stream().map(RevCommit::getShortMessage).toList();
    for (int g = 0; g < GROUPS; g++) {
      String group = "group-" + g;
      assertThat(subjects).filteredOn(s -> s.contains(" " + group + " ")).as(group).hasSize(1);
      assertThat(repo.read("workloads/" + group + "/api/overlays/tst/values.yaml"))
          .contains("tag: \"2." + g + ".0\"");
    }
    String state = repo.read("workloads/promote-state.yaml");
    for (int g = 0; g < GROUPS; g++) {
      assertThat(state).as("every promotion is recorded in the state file").contains("group-" + g);
    }
  }

  private static Path seed(Path root) throws Exception {
    for (int g = 0; g < GROUPS; g++) {
      for (String env : List.of("dev", "tst")) {
        Path overlay =
            root.resolve("workloads/group-" + g + "/api/overlays/" + env + "/values.yaml");
        Files.createDirectories(overlay.getParent());
        String tag = env.equals("dev") ? "2." + g + ".0" : "1." + g + ".0";
        Files.writeString(
            overlay,
            "applications:\n  - name: \"api-" + g + "\"\n    image:\n      tag: \"" + tag + "\"\n");
      }
    }
    return root;
  }
}
