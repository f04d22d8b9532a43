package io.gitops.promotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart carries copies of files that have their home elsewhere (Helm reads nothing outside the
 * chart directory): they must stay byte for byte equal to the originals.
 */
class ChartCopiesTest {
  private static final Path CHART = DeployTools.CHART;

  @Test
  void theChartsCrdsAreTheGeneratedCrds() throws IOException {
    List<String> originals = names(Path.of("crds"), ".yml");
    assertThat(names(CHART.resolve("crds"), ".yml")).isEqualTo(originals).isNotEmpty();
    for (String name : originals) {
      assertThat(CHART.resolve("crds").resolve(name))
          .as("copy it: cp crds/%s %s/crds/", name, CHART)
          .hasSameBinaryContentAs(Path.of("crds").resolve(name));
    }
  }

  @Test
  void theChartsAlertsAndDashboardAreThoseOfDeployMonitoring() {
    for (String name :
        List.of("promotion-operator.rules.yaml", "promotion-operator.dashboard.json")) {
      assertThat(CHART.resolve("files").resolve(name))
          .as("copy it: cp deploy/monitoring/%s %s/files/", name, CHART)
          .hasSameBinaryContentAs(Path.of("deploy/monitoring").resolve(name));
    }
  }

  private static List<String> names(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .sorted()
          .toList();
    }
  }
}
