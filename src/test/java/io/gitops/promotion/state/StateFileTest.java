package io.gitops.promotion.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateFileTest {
  private static final String SPEC_EXAMPLE =
      """
      environments:
        "TST":
          "tbd-test":
            promotion:
              version: "1.5.0"
              pipeline_id: "12345"
              source_env: "DEV"
              target_env: "TST"
              created_at: "2026-04-01T12:00:00Z"
              created_by: "icvr"
              tag: "v1.5.0"
            pre_state:
              tbd-test:
                frontend:
                  tbd-test: "1.3.0"
                backend:
                  tbd-test-backend: "1.2.0"
            post_state:
              tbd-test:
                frontend:
                  tbd-test: "1.5.0"
                backend:
                  tbd-test-backend: "1.4.0"
      """;

  private static final String LEGACY =
      """
      promotion:
        version: "1.5.0"
        pipeline_id: "12345"
        source_env: "DEV"
        target_env: "TST"
        created_at: "2026-04-01T12:00:00Z"
        created_by: "icvr"
        tag: "v1.5.0"
      pre_state:
        tbd-test:
          frontend:
            tbd-test: "1.3.0"
      post_state:
        tbd-test:
          frontend:
            tbd-test: "1.5.0"
      """;

  @Test
  void readsTheSpecificationsNestedFormat() {
    StateEntry entry = StateFile.parse(SPEC_EXAMPLE).entry("TST", "tbd-test").orElseThrow();
    assertThat(entry.promotion().id()).isEqualTo("12345");
    assertThat(entry.promotion().version()).isEqualTo("1.5.0");
    assertThat(entry.promotion().createdAt()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
    assertThat(entry.preState().tag("backend", "tbd-test-backend")).contains("1.2.0");
    assertThat(entry.postState().tag("frontend", "tbd-test")).contains("1.5.0");
    assertThat(StateFile.parse(SPEC_EXAMPLE).entry("STG", "tbd-test")).isEmpty();
  }

  @Test
  void readsTheLegacyFlatFormatAsTheEntryOfItsTargetEnvironmentAndGroup() {
    StateEntry entry = StateFile.parse(LEGACY).entry("TST", "tbd-test").orElseThrow();
    assertThat(entry.promotion().targetEnv()).isEqualTo("TST");
    assertThat(entry.preState().services())
        .isEqualTo(Map.of("frontend", Map.of("tbd-test", "1.3.0")));
  }

  @Test
  void writingKeepsEveryOtherEntryAndTurnsLegacyIntoNested() {
    StateEntry stg = entry("payments", "p-9", "2.2.0", "2.3.0");
    StateFile written = StateFile.parse(StateFile.parse(LEGACY).withEntry("STG", stg).render());
    assertThat(written.entry("TST", "tbd-test").orElseThrow().promotion().id()).isEqualTo("12345");
    assertThat(written.entry("STG", "payments").orElseThrow().promotion().id()).isEqualTo("p-9");
  }

  @Test
  void replacesOnlyTheEntryOfTheSameEnvironmentAndGroup() {
    StateFile file =
        StateFile.parse(SPEC_EXAMPLE)
            .withEntry("TST", entry("payments", "p-1", "1.0", "1.1"))
            .withEntry("TST", entry("tbd-test", "p-2", "1.5.0", "1.6.0"));
    StateFile reread = StateFile.parse(file.render());
    assertThat(reread.entry("TST", "tbd-test").orElseThrow().promotion().id()).isEqualTo("p-2");
    assertThat(reread.entry("TST", "payments").orElseThrow().promotion().id()).isEqualTo("p-1");
  }

  @Test
  void tagsThatLookLikeNumbersSurviveARoundTripAsStrings() {
    StateFile file = StateFile.empty().withEntry("TST", entry("g", "p", "1.10", "1e3"));
    StateEntry reread = StateFile.parse(file.render()).entry("TST", "g").orElseThrow();
    assertThat(reread.preState().tag("svc", "app")).contains("1.10");
    assertThat(reread.postState().tag("svc", "app")).contains("1e3");
  }

  @Test
  void recordsRollbacksOfAPromotion() {
    RollbackRecord rollback =
        new RollbackRecord("r-1", "p", Instant.parse("2026-11-22T11:00:00Z"), "carol", null);
    StateFile file =
        StateFile.empty().withEntry("TST", entry("g", "p", "1", "2").withRollback(rollback));
    assertThat(StateFile.parse(file.render()).entry("TST", "g").orElseThrow().rollbacks())
        .containsExactly(rollback);
  }

  @Test
  void readsAStateFileLargerThanTheYamlLibrarysDefaultLimit() {
    TagSnapshot.Builder pre = TagSnapshot.builder();
    TagSnapshot.Builder post = TagSnapshot.builder();
    for (int service = 0; service < 40_000; service++) {
      pre.put("service-" + service, "application-number-" + service, "1.0." + service);
      post.put("service-" + service, "application-number-" + service, "1.1." + service);
    }
    PromotionRecord record =
        new PromotionRecord(
            "big",
            "1.1.0",
            "DEV",
            "TST",
            Instant.parse("2026-11-22T10:00:00Z"),
            "alice",
            "v1.1.0",
            null);
    String text =
        StateFile.empty()
            .withEntry("TST", new StateEntry("huge", record, pre.build(), post.build(), List.of()))
            .render();
    assertThat(text.length()).isGreaterThan(3 * 1024 * 1024);
    assertThat(
            StateFile.parse(text)
                .entry("TST", "huge")
                .orElseThrow()
                .postState()
                .tag("service-39999", "application-number-39999"))
        .contains("1.1.39999");
  }

  @Test
  void refusesAFileThatIsNotAMapping() {
    assertThatThrownBy(() -> StateFile.parse("- a\n- b\n"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("mapping");
  }

  private static StateEntry entry(String group, String id, String from, String to) {
    PromotionRecord record =
        new PromotionRecord(
            id, to, "DEV", "TST", Instant.parse("2026-11-22T10:00:00Z"), "alice", "v" + to, null);
    return new StateEntry(
        group,
        record,
        TagSnapshot.builder().put("svc", "app", from).build(),
        TagSnapshot.builder().put("svc", "app", to).build(),
        List.of());
  }
}
