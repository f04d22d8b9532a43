package io.gitops.promotion.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writing one entry changes only that entry's lines: the other entries keep their bytes, quoting and
 * comments, values are plain unless they must be quoted, and every value reads back as the string the
 * file holds.
 */
class StateFileQuietWritesTest {
  private static final String FILE = """
      # Machine-owned. Reviewed in merge requests: keep diffs small.
      environments:
        TST:
          payments:   # the payments team's entry
            promotion:
              version: "2.3.1"
              id: p-0
              source_env: DEV
              target_env: TST
              created_at: "2026-11-01T10:00:00Z"
              created_by: bob
              tag: v2.3.1
            pre_state:
              payments:
                api:
                  payments-api: 1.10
            post_state:
              payments:
                api:
                  payments-api: ~
          tbd-test:
            promotion:
              version: "1.4.0"
              id: p-1
              source_env: DEV
              target_env: TST
              created_at: "2026-11-02T10:00:00Z"
              created_by: alice
              tag: v1.4.0
            pre_state:
              tbd-test:
                frontend:
                  tbd-test: 1.2.0
            post_state:
              tbd-test:
                frontend:
                  tbd-test: 1.4.0
        STG:
          payments:
            promotion:
              version: 0x1F
              id: p-2
              source_env: TST
              target_env: STG
              created_at: "2026-11-03T10:00:00Z"
              created_by: carol
              tag: 1e3
            pre_state: {payments: {api: {payments-api: "010"}}}
            post_state: {payments: {api: {payments-api: 1e3}}}
      """;

  private static StateEntry entry(String group, String version, String from, String to) {
    PromotionRecord record = new PromotionRecord("p-9", version, "DEV", "TST", Instant.parse("2026-12-04T12:00:00Z"),
        "dave", "v" + version, null);
    return new StateEntry(group, record, TagSnapshot.of(Map.of("frontend", Map.of(group, from))),
        TagSnapshot.of(Map.of("frontend", Map.of(group, to))), List.of());
  }

  @Test
  void replacingAnEntryChangesOnlyItsLines() {
    String written = StateFile.parse(FILE).withEntry("TST", entry("tbd-test", "1.5.0", "1.4.0", "1.10")).render();

    String expectedEntry = """
            promotion:
              version: 1.5.0
              id: p-9
              source_env: DEV
              target_env: TST
              created_at: "2026-12-04T12:00:00Z"
              created_by: dave
              tag: v1.5.0
            pre_state:
              tbd-test:
                frontend:
                  tbd-test: 1.4.0
            post_state:
              tbd-test:
                frontend:
                  tbd-test: "1.10"
        """.indent(2);
    int start = FILE.indexOf("    tbd-test:\n") + "    tbd-test:\n".length();
    int end = FILE.indexOf("  STG:");
    assertThat(written).isEqualTo(FILE.substring(0, start) + expectedEntry + FILE.substring(end));
  }

  @Test
  void addingAnEntryOrAnEnvironmentInsertsItAfterItsSiblings() {
    String written = StateFile.parse(FILE).withEntry("STG", entry("tbd-test", "1.5.0", "1.4.0", "1.5.0"))
        .withEntry("PRD", entry("tbd-test", "1.5.0", "1.3.0", "1.5.0")).render();

    assertThat(written).startsWith(FILE.substring(0, FILE.length() - 1) + "\n    tbd-test:\n      promotion:\n");
    assertThat(written).contains("\n  PRD:\n    tbd-test:\n      promotion:\n        version: 1.5.0\n");
    StateFile reread = StateFile.parse(written);
    assertThat(reread.entry("STG", "tbd-test")).isPresent();
    assertThat(reread.entry("PRD", "tbd-test").orElseThrow().preState().tag("frontend", "tbd-test")).contains("1.3.0");
  }

  @Test
  void everyValueReadsAsTheStringTheFileHolds() {
    StateFile state = StateFile.parse(FILE);

    assertThat(state.entry("TST", "payments").orElseThrow().preState().tag("api", "payments-api")).contains("1.10");
    assertThat(state.entry("TST", "payments").orElseThrow().postState().tag("api", "payments-api")).contains("~");
    StateEntry stg = state.entry("STG", "payments").orElseThrow();
    assertThat(stg.promotion().version()).isEqualTo("0x1F");
    assertThat(stg.promotion().tag()).isEqualTo("1e3");
    assertThat(stg.preState().tag("api", "payments-api")).contains("010");
  }

  @Test
  void aNewFileIsWrittenInThePlainStyle() {
    String written = StateFile.parse("").withEntry("TST", entry("tbd-test", "1.5.0", "1.4.0", "1.5.0")).render();

    assertThat(written).startsWith("# Written by promotion-operator").contains("\nenvironments:\n  TST:\n    tbd-test:\n"
        + "      promotion:\n        version: 1.5.0\n").doesNotContain("\"environments\"");
    assertThat(StateFile.parse(written).entry("TST", "tbd-test")).isPresent();
  }

  @Test
  void aLargeFileGetsItsEntryWrittenWithoutTouchingTheOthers() {
    StringBuilder big = new StringBuilder("environments:\n  TST:\n");
    for (int g = 0; g < 20_000; g++) {
      big.append("    group-").append(g).append(":\n      promotion:\n        version: \"1.").append(g)
          .append("\"\n        id: p-").append(g).append("\n      pre_state: {}\n      post_state: {}\n");
    }
    String text = big.toString();

    String written = StateFile.parse(text).withEntry("TST", entry("group-7", "2.0.0", "1.0.0", "2.0.0")).render();

    int start = text.indexOf("    group-7:\n");
    int end = text.indexOf("    group-8:\n");
    assertThat(written.substring(0, start)).isEqualTo(text.substring(0, start));
    assertThat(written.substring(written.indexOf("    group-8:\n"))).isEqualTo(text.substring(end));
  }

  @Test
  void aWronglyTypedFileIsRefusedRatherThanReplaced() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateFile.parse("environments: [TST]\n")
            .withEntry("TST", entry("tbd-test", "1.5.0", "1.4.0", "1.5.0")))
        .isInstanceOf(StateFormatException.class).hasMessageContaining("'environments' must be a mapping");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateFile.parse("environments:\n  TST: 3\n")
            .withEntry("TST", entry("tbd-test", "1.5.0", "1.4.0", "1.5.0")))
        .isInstanceOf(StateFormatException.class).hasMessageContaining("environments.TST must be a mapping");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateFile.parse("environments:\n  TST:\n    tbd-test: [1]\n")
            .withEntry("TST", entry("tbd-test", "1.5.0", "1.4.0", "1.5.0")))
        .isInstanceOf(StateFormatException.class).hasMessageContaining("environments.TST.tbd-test must be a mapping");
  }
}
