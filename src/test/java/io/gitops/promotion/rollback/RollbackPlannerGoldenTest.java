package io.gitops.promotion.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.FileEdit;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden folders: every folder under {@code src/test/resources/rollback/} is one rollback of the
 * promotion recorded in its {@code promote-state.yaml} (group tbd-test, environment TST), over the
 * TST overlays in {@code original/<service>/values.yaml}. {@code expected/} holds every overlay as
 * it must read afterwards, byte for byte; {@code plan.txt} the outcome, restorations (with the
 * GitLab project the overlay names) and conflicts; {@code request.properties} whether it is forced;
 * {@code previous/}, when there is one, what each overlay held before the newest commit that
 * changed it (the promotion, or a later edit).
 */
class RollbackPlannerGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/rollback");
  private static final OverlaysLayout LAYOUT = OverlaysLayout.defaults();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(ROOT)) {
      return folders
          .filter(Files::isDirectory)
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void restoresExactlyTheExpectedBytesAndReportsTheRest(String name) throws IOException {
    Map<String, String> original = overlays(name, "original");
    Map<String, String> previous = overlays(name, "previous");
    RollbackPlan plan =
        new RollbackPlanner(LAYOUT)
            .plan(
                request(name),
                entry(name),
                path -> Optional.ofNullable(original.get(path)),
                path -> Optional.ofNullable(previous.get(path)));

    Map<String, String> after = new TreeMap<>(original);
    for (FileEdit edit : plan.edits()) {
      assertThat(original).as("never invents a file").containsEntry(edit.path(), edit.before());
      after.put(edit.path(), edit.after());
    }
    assertThat(after).isEqualTo(overlays(name, "expected"));
    assertThat(describe(plan)).isEqualTo(text(ROOT.resolve(name).resolve("plan.txt")));
  }

  private static RollbackRequest request(String name) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text(ROOT.resolve(name).resolve("request.properties"))));
    boolean force = Boolean.parseBoolean(p.getProperty("force"));
    return new RollbackValidator(EnvironmentCatalog.defaults())
        .validate(
            new RollbackParameters(
                "r-1",
                "tbd-test",
                "TST",
                false,
                force,
                force ? "golden case" : null,
                "bob",
                RollbackWindow.UNLIMITED,
                null));
  }

  private static StateEntry entry(String name) throws IOException {
    return StateFile.parse(text(ROOT.resolve(name).resolve("promote-state.yaml")))
        .entry("TST", "tbd-test")
        .orElseThrow();
  }

  /** {@code <side>/<service>/values.yaml} keyed by the overlay's path in the repository. */
  private static Map<String, String> overlays(String name, String side) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(ROOT.resolve(name).resolve(side))) {
      return files;
    }
    try (Stream<Path> services = Files.list(ROOT.resolve(name).resolve(side))) {
      for (Path service : services.toList()) {
        String path =
            LAYOUT.overlay(
                "tbd-test",
                service.getFileName().toString(),
                EnvironmentCatalog.defaults().find("TST").orElseThrow());
        files.put(path, text(service.resolve("values.yaml")));
      }
    }
    return files;
  }

  private static String describe(RollbackPlan plan) {
    StringBuilder out =
        new StringBuilder("outcome: ").append(plan.executedOutcome().label()).append('\n');
    for (Restoration r : plan.restorations()) {
      out.append("restore ")
          .append(r.service())
          .append('/')
          .append(r.app())
          .append(' ')
          .append(r.from())
          .append(" -> ")
          .append(r.to());
      Long project =
          plan.gitlabProjectIds().get(PromotionPlan.applicationKey(r.service(), r.app()));
      out.append(project == null ? "" : " (GitLab project " + project + ")").append('\n');
    }
    for (Conflict c : plan.conflicts()) {
      out.append("conflict ")
          .append(c.service())
          .append('/')
          .append(c.app())
          .append(" promoted ")
          .append(c.expected())
          .append(", now ")
          .append(c.actual() == null ? "(missing)" : c.actual())
          .append(", before ")
          .append(c.restoreTo())
          .append('\n');
    }
    return out.toString();
  }

  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
