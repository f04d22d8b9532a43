package io.gitops.promotion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.layout.OverlaysLayout;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group large enough for the planner to parse its files in parallel plans and fails exactly as a
 * plan made one file at a time: changes in service order, and of several unreadable files the first
 * in service order (source before target) is the one reported, every time.
 */
class ParsedValuesPlannerTest {
  private static final int SERVICES = 40;

  private static String overlay(String app, String tag) {
    return "applications:\n  - name: " + app + "\n    image:\n      tag: \"" + tag + "\"\n";
  }

  private static Map<String, String> group() {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < SERVICES; i++) {
      String service = "svc-%02d".formatted(i);
      files.put(path(service, "dev"), overlay(service, "2.0." + i));
      files.put(path(service, "tst"), overlay(service, "1.0." + i));
    }
    return files;
  }

  private static String path(String service, String env) {
    return "workloads/shop/" + service + "/overlays/" + env + "/values.yaml";
  }

  private static PromotionPlan plan(Map<String, String> files) {
    PromotionRequest request =
        new RequestValidator(EnvironmentCatalog.defaults())
            .validate(
                new PromotionParameters(
                    "p-1", "shop", "DEV", "TST", null, false, true, "test", "alice"));
    return new Planner(OverlaysLayout.defaults()).plan(request, new InMemoryFiles(files));
  }

  @Test
  void everyServiceOfALargeGroupIsPlannedInServiceOrder() {
    PromotionPlan plan = plan(group());

    assertThat(plan.changes()).hasSize(SERVICES);
    for (int i = 0; i < SERVICES; i++) {
      String service = "svc-%02d".formatted(i);
      assertThat(plan.changes().get(i))
          .isEqualTo(new TagChange(service, service, "1.0." + i, "2.0." + i));
      assertThat(plan.edits().get(i).path()).isEqualTo(path(service, "tst"));
    }
  }

  @Test
  void ofSeveralUnreadableFilesTheFirstInServiceOrderIsReportedEveryTime() {
    Map<String, String> files = group();
    files.put(path("svc-31", "dev"), "applications: [unclosed\n");
    files.put(path("svc-07", "tst"), "applications:\n  - name: a\n  - name: a\n");
    files.put(path("svc-19", "dev"), "- not a mapping\n");

    for (int attempt = 0; attempt < 20; attempt++) {
      assertThatThrownBy(() -> plan(files))
          .isInstanceOf(RequestRejectedException.class)
          .hasMessageStartingWith(path("svc-07", "tst"))
          .hasMessageContaining("appears twice");
    }
  }

  @Test
  void aSourceFileFailsBeforeTheTargetFileOfTheSameService() {
    Map<String, String> files = group();
    files.put(path("svc-12", "tst"), "applications: [unclosed\n");
    files.put(path("svc-12", "dev"), "- not a mapping\n");

    assertThatThrownBy(() -> plan(files))
        .isInstanceOf(RequestRejectedException.class)
        .hasMessageStartingWith(path("svc-12", "dev"));
  }
}
