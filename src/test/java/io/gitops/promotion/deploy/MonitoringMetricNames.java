package io.gitops.promotion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metric names that deploy/monitoring's dashboard and alerts query, and the names the operator
 * really has: those {@code PromotionMetrics} registers (read from its source, since most only
 * appear after a retry) and those a running operator's {@code /metrics} shows.
 */
public final class MonitoringMetricNames {
  public static final Path DASHBOARD =
      Path.of("deploy/monitoring/promotion-operator.dashboard.json");
  public static final Path RULES = Path.of("deploy/monitoring/promotion-operator.rules.yaml");
  private static final Path PROMOTION_METRICS =
      Path.of("src/main/java/io/gitops/promotion/metrics/PromotionMetrics.java");
  private static final Pattern OPERATOR_METRIC =
      Pattern.compile("\\b((?:promotion|operator_sdk|jvm)_[a-z0-9_]+)\\b");
  private static final Pattern METER =
      Pattern.compile("(Counter|Timer)\\.builder\\(\"([a-z0-9_]+)\"\\)");

  private MonitoringMetricNames() {}

  /**
   * Every name of the operator's own families (promotion_, operator_sdk_, jvm_) in the dashboard's
   * and the rules' queries.
   */
  public static Set<String> usedByDashboardAndAlerts() {
    Set<String> names = new TreeSet<>();
    for (String query : queries()) {
      names.addAll(matches(OPERATOR_METRIC, query, 1));
    }
    return names;
  }

  /** The PromQL of the dashboard's panels and variables and of the alerting rules. */
  public static List<String> queries() {
    try {
      JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
      JsonNode rules = new YAMLMapper().readTree(RULES.toFile());
      List<String> queries = new ArrayList<>(dashboard.findValuesAsText("expr"));
      queries.addAll(dashboard.findValuesAsText("definition"));
      queries.addAll(rules.findValuesAsText("expr"));
      return queries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The names among {@code names} that this operator (not Prometheus or kube-state-metrics) must
   * expose.
   */
  public static Set<String> fromThisOperator(Set<String> names) {
    return names.stream()
        .filter(n -> OPERATOR_METRIC.matcher(n).matches())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The Prometheus names of PromotionMetrics' meters: counters get _total, timers
   * _seconds_{bucket,count,sum,max}.
   */
  public static Set<String> registeredByPromotionMetrics() {
    Set<String> names = new TreeSet<>();
    Matcher m = METER.matcher(read(PROMOTION_METRICS));
    while (m.find()) {
      String base = m.group(2);
      if (m.group(1).equals("Counter")) {
        names.add(base + "_total");
      } else {
        for (String suffix :
            List.of("_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max")) {
          names.add(base + suffix);
        }
      }
    }
    return names;
  }

  /** The sample names in a Prometheus text exposition. */
  public static Set<String> inPrometheusText(String text) {
    return text.lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("[{ ]", 2)[0])
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> matches(Pattern pattern, String text, int group) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
