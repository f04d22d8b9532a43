package io.gitops.promotion.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.e2e.CommandResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring: the alerting rules pass {@code promtool check rules} and their unit tests
 * ({@code promtool test rules}), and the dashboard and the rules query only the operator's real
 * metric names (HelmChartE2E checks the JOSDK and JVM ones against a running operator).
 */
class MonitoringIT {
  private static DeployTools tools;

  @BeforeAll
  static void installTools() {
    tools = DeployTools.install();
  }

  @Test
  void promtoolAcceptsTheRules() {
    CommandResult result = tools.promtool("check", "rules", MonitoringMetricNames.RULES.toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).as(result.describe()).contains("SUCCESS: 7 rules found");
  }

  @Test
  void eachAlertFiresOnTheSeriesItIsWrittenFor() {
    CommandResult result =
        tools.promtool("test", "rules", "deploy/monitoring/promotion-operator.rules.test.yaml");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).as(result.describe()).contains("SUCCESS");
  }

  @Test
  void everyPromotionMetricQueriedIsOneTheOperatorRegisters() {
    Set<String> registered = MonitoringMetricNames.registeredByPromotionMetrics();
    assertThat(registered)
        .contains("promotion_runs_total", "promotion_run_duration_seconds_bucket");
    Set<String> used = MonitoringMetricNames.usedByDashboardAndAlerts();
    assertThat(used.stream().filter(n -> n.startsWith("promotion_")).toList())
        .as("promotion_* names in deploy/monitoring")
        .isNotEmpty()
        .allSatisfy(
            name -> assertThat(registered).as("registered by PromotionMetrics").contains(name));
    assertThat(used)
        .as("the dashboard covers every meter PromotionMetrics registers")
        .contains(
            "promotion_runs_total",
            "promotion_run_duration_seconds_bucket",
            "promotion_push_retries_total",
            "promotion_unreleased_changes_total",
            "promotion_gitlab_retries_total");
  }

  @Test
  void theDashboardIsGrafanaJsonWithAQueryInEveryPanel() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(MonitoringMetricNames.DASHBOARD.toFile());
    assertThat(dashboard.get("uid").asText()).isEqualTo("promotion-operator");
    List<String> titles = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      titles.add(panel.get("title").asText());
      assertThat(panel.get("targets"))
          .as(panel.get("title").asText())
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.get("expr").asText()).isNotBlank());
      assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
    }
    assertThat(titles).hasSize(dashboard.get("panels").size()).doesNotHaveDuplicates();
  }
}
