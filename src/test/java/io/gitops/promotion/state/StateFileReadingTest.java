package io.gitops.promotion.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How entries read: every scalar as the string written, and a file of the wrong shape refused. */
class StateFileReadingTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

  private static final String LEGACY_WITH_PLAIN_TAGS =
      """
      promotion:
        version: 1.10
        pipeline_id: 012345
        source_env: DEV
        target_env: TST
        created_at: 2026-04-01T12:00:00Z
        created_by: icvr
      pre_state:
        tbd-test:
          frontend:
            tbd-test: 1.10
            tbd-test-hex: 0x1F
            tbd-test-octal: 010
            tbd-test-exp: 1e3
            tbd-test-bool: yes
          backend:
            tbd-test-backend: ~
            tbd-test-quoted: "~"
      post_state:
        tbd-test:
          frontend:
            tbd-test: 1.11
      """;

  @Test
  void readsEveryTagOfALegacyEntryAsTheStringWrittenInTheFile() {
    StateEntry entry =
        StateFile.parse(LEGACY_WITH_PLAIN_TAGS, NOW).entry("TST", "tbd-test").orElseThrow();
    TagSnapshot pre = entry.preState();
    assertThat(pre.tag("frontend", "tbd-test")).contains("1.10");
    assertThat(pre.tag("frontend", "tbd-test-hex")).contains("0x1F");
    assertThat(pre.tag("frontend", "tbd-test-octal")).contains("010");
    assertThat(pre.tag("frontend", "tbd-test-exp")).contains("1e3");
    assertThat(pre.tag("frontend", "tbd-test-bool")).contains("yes");
    assertThat(pre.tag("backend", "tbd-test-quoted")).contains("~");
    assertThat(entry.postState().tag("frontend", "tbd-test")).contains("1.11");
  }

  @Test
  void readsAPlainTildeTagAsNoTagSoThatRollbackRestoresNothingRatherThanATilde() {
    StateEntry entry =
        StateFile.parse(LEGACY_WITH_PLAIN_TAGS, NOW).entry("TST", "tbd-test").orElseThrow();
    assertThat(entry.preState().tag("backend", "tbd-test-backend")).isEmpty();
  }

  @Test
  void readsPromotionMetadataAsTheStringWrittenInTheFile() {
    PromotionRecord promotion =
        StateFile.parse(LEGACY_WITH_PLAIN_TAGS, NOW)
            .entry("TST", "tbd-test")
            .orElseThrow()
            .promotion();
    assertThat(promotion.version()).isEqualTo("1.10");
    assertThat(promotion.id()).isEqualTo("012345");
    assertThat(promotion.createdAt()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
  }

  @Test
  void refusesEnvironmentsThatIsAListNamingWhere() {
    assertRefused(
        "environments:\n  - TST\n",
        "line 2, column 3: environments is a sequence, expected a mapping");
  }

  @Test
  void refusesEnvironmentsThatIsANumber() {
    assertRefused(
        "environments: 3\n",
        "line 1, column 15: environments is the scalar '3', expected a mapping");
  }

  @Test
  void refusesAnEnvironmentThatIsAList() {
    assertRefused(
        "environments:\n  TST: [a, b]\n",
        "line 2, column 8: environments.TST is a sequence, expected a mapping");
  }

  @Test
  void refusesAGroupEntryThatIsAList() {
    assertRefused(
        "environments:\n  TST:\n    tbd-test:\n      - promotion\n",
        "line 4, column 7: environments.TST.tbd-test is a sequence, expected a mapping (promotion, pre_state, post_state)");
  }

  @Test
  void refusesAGroupEntryThatIsAString() {
    assertRefused(
        "environments:\n  TST:\n    tbd-test: promoted\n",
        "line 3, column 15: environments.TST.tbd-test is the scalar 'promoted', expected a mapping");
  }

  @Test
  void refusesAnEnvironmentGivenTwice() {
    assertRefused(
        "environments:\n  TST: {}\n  TST: {}\n",
        "line 3, column 3: environments has the key 'TST' twice");
  }

  @Test
  void refusesThreeThousandNestedLevelsInsideAnEntryInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(3000) + "]".repeat(3000);
    String text =
        "environments:\n  TST:\n    tbd-test:\n      promotion: {id: p-1}\n"
            + "      pre_state: {tbd-test: {frontend: {tbd-test: "
            + deep
            + "}}}\n";

    assertThatThrownBy(() -> StateFile.parse(text, NOW).entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "line 5, column 108: mappings and sequences are nested more than 64 levels deep; a state file"
                + " needs far fewer, so the file is not read");
  }

  @Test
  void refusesThreeThousandNestedBlockMappingsAnywhereInTheFile() {
    StringBuilder deep = new StringBuilder("environments:\n");
    for (int i = 0; i < 3000; i++) {
      deep.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
    }
    deep.append("  ".repeat(3001)).append("x\n");

    assertThatThrownBy(() -> StateFile.parse(deep.toString(), NOW).entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining("nested more than 64 levels deep");
  }

  @Test
  void refusesAFileOfSeveralDocuments() {
    assertRefused("environments: {}\n---\nenvironments: {}\n", "more than one YAML document");
  }

  @Test
  void refusesAServiceOfPreStateThatIsAListWhenItsEntryIsRead() {
    StateFile file =
        StateFile.parse(
            """
        environments:
          TST:
            tbd-test:
              promotion: {id: p-1}
              pre_state:
                tbd-test:
                  frontend: [1.3.0]
        """,
            NOW);
    assertThatThrownBy(() -> file.entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "line 7, column 21: environments.TST.tbd-test.pre_state.tbd-test.frontend is a sequence,"
                + " expected a mapping");
  }

  @Test
  void refusesATagThatIsAMapping() {
    StateFile file =
        StateFile.parse(
            """
        environments:
          TST:
            tbd-test:
              promotion: {id: p-1}
              post_state:
                tbd-test:
                  frontend:
                    tbd-test: {tag: 1.5.0}
        """,
            NOW);
    assertThatThrownBy(() -> file.entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining(
            "line 8, column 23: environments.TST.tbd-test.post_state.tbd-test.frontend.tbd-test"
                + " is a mapping, expected a string");
  }

  @Test
  void refusesRollbacksThatAreNotAList() {
    StateFile file =
        StateFile.parse(
            """
        environments:
          TST:
            tbd-test:
              promotion: {id: p-1}
              rollbacks: {id: r-1}
        """,
            NOW);
    assertThatThrownBy(() -> file.entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining(
            "environments.TST.tbd-test.rollbacks is a mapping, expected a sequence");
  }

  @Test
  void refusesAPromotionCreatedInTheFutureNamingTheEntry() {
    StateFile file = StateFile.parse(entryCreatedAt("2026-11-22T12:06:00Z"), NOW);
    assertThatThrownBy(() -> file.entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "line 4, column 7: environments.TST.tbd-test.promotion.created_at 2026-11-22T12:06:00Z lies in"
                + " the future (now is 2026-11-22T12:00:00Z)");
  }

  @Test
  void toleratesACreatedAtLessThanTheClockSkewAhead() {
    StateFile file = StateFile.parse(entryCreatedAt("2026-11-22T12:04:59Z"), NOW);
    assertThat(file.entry("TST", "tbd-test")).isPresent();
  }

  @Test
  void refusesARollbackCreatedInTheFuture() {
    StateFile file =
        StateFile.parse(
            entryCreatedAt("2026-11-22T11:00:00Z")
                + "      rollbacks:\n        - {id: r-1, created_at: \"2027-01-01T00:00:00Z\"}\n",
            NOW);
    assertThatThrownBy(() -> file.entry("TST", "tbd-test"))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining(
            "environments.TST.tbd-test.rollbacks: rollback r-1 has a created_at 2027-01-01T00:00:00Z"
                + " that lies in the future");
  }

  @Test
  void refusesToAddAnEntryToAnEnvironmentWrittenInFlowStyleRatherThanRewriteIt() {
    StateFile file =
        StateFile.parse("environments:\n  TST: {other: {promotion: {id: p-0}}}\n", NOW);
    assertThatThrownBy(
            () -> file.withEntry("TST", StateFileGoldenTest.entry("tbd-test", "p-1", "1", "2")))
        .isInstanceOf(StateFormatException.class)
        .hasMessage(
            "line 2, column 8: environments.TST is written in flow style ({...}); write it in block style"
                + " so that an entry can be added to it");
  }

  @Test
  void keepsAByteOrderMarkAndFindsEntriesBehindIt() {
    String text = "\uFEFFenvironments:\n  TST:\n    a:\n      promotion: {id: p-1, version: é𝄞}\n";
    StateFile written =
        StateFile.parse(text, NOW)
            .withEntry("TST", StateFileGoldenTest.entry("b", "p-2", "1", "2"));
    assertThat(written.render()).startsWith(text);
    assertThat(written.entry("TST", "a").orElseThrow().promotion().version()).isEqualTo("é𝄞");
    assertThat(written.entry("TST", "b").orElseThrow().promotion().id()).isEqualTo("p-2");
  }

  @Test
  void addsTheFirstEntryBelowAFileOfCommentsOnly() {
    String text = "# promotions will be recorded here\n---\n";
    StateFile written =
        StateFile.parse(text, NOW)
            .withEntry("TST", StateFileGoldenTest.entry("a", "p-1", "1", "2"));
    assertThat(written.render())
        .startsWith(text + "environments:\n  TST:\n    a:\n      promotion:\n");
    assertThat(written.entry("TST", "a").orElseThrow().promotion().id()).isEqualTo("p-1");
  }

  private static String entryCreatedAt(String instant) {
    return """
        environments:
          TST:
            tbd-test:
              promotion:
                id: p-1
                created_at: "%s"
        """
        .formatted(instant);
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> StateFile.parse(text, NOW))
        .isInstanceOf(StateFormatException.class)
        .hasMessageContaining(message);
  }
}
