package io.gitops.promotion.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Writes into the state files of {@code src/test/resources/state/<case>/original} and compares the
 * result with {@code expected} byte for byte. On a difference the actual text is left in {@code
 * target/state-golden/<case>} to compare by hand.
 */
class StateFileGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/state");
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void replacesOnlyTheEntryWrittenKeepingEveryOtherEntryAndCommentByteForByte() throws IOException {
    assertGolden(
        "replaces-only-the-entry-written",
        file -> file.withEntry("TST", entry("tbd-test", "p-2", "1.5.0", "1.10")));
  }

  @Test
  void addsANewGroupAfterTheLastEntryOfItsEnvironment() throws IOException {
    assertGolden(
        "adds-a-group-after-the-last-of-its-environment",
        file -> file.withEntry("TST", entry("new-group", "p-2", "1.0.0", "1.1.0")));
  }

  @Test
  void addsANewEnvironmentAfterTheLastEnvironment() throws IOException {
    assertGolden(
        "adds-an-environment",
        file -> file.withEntry("PRD", entry("tbd-test", "p-2", "1.4.0", "1.5.0")));
  }

  @Test
  void writesANewFileInThePlainStyleOfTheSpecificationQuotingOnlyWhatWouldReadAsAnotherType()
      throws IOException {
    PromotionRecord forced =
        new PromotionRecord(
            "12345",
            "1.5.0",
            "DEV",
            "TST",
            AT,
            "icvr",
            "v1.5.0",
            "hotfix: \"checkout\" broke\nagain");
    TagSnapshot pre =
        TagSnapshot.builder()
            .put("frontend", "tbd-test", "1.3.0")
            .put("backend", "tbd-test-backend", "1.10")
            .put("backend", "tbd-test-worker", "true")
            .put("backend", "tbd-test-hex", "0x1F")
            .build();
    TagSnapshot post =
        TagSnapshot.builder()
            .put("frontend", "tbd-test", "1.5.0")
            .put("backend", "tbd-test-backend", "1e3")
            .put("backend", "tbd-test-worker", "v2")
            .put("backend", "tbd-test-hex", "010")
            .build();
    StateEntry entry =
        new StateEntry(
            "tbd-test",
            forced,
            pre,
            post,
            List.of(new RollbackRecord("r-1", "12345", AT.plusSeconds(60), "carol", null)));
    assertGolden("new-file-in-the-specifications-style", file -> file.withEntry("TST", entry));
  }

  @Test
  void writingIntoALegacyFileNestsItsLinesUnderItsEnvironmentAndGroupAndAddsTheNewEntryBeside()
      throws IOException {
    assertGolden(
        "legacy-file-is-nested-keeping-its-bytes",
        file -> file.withEntry("STG", entry("payments", "p-9", "2.2.0", "2.3.0")));
  }

  @Test
  void writingTheLegacyEntryItselfReplacesItUnderTheNestedKeys() throws IOException {
    StateEntry legacy =
        StateFile.parse(text("legacy-entry-written-over", "original"))
            .entry("TST", "tbd-test")
            .orElseThrow()
            .withRollback(new RollbackRecord("r-1", "12345", AT, "carol", null));
    assertGolden("legacy-entry-written-over", file -> file.withEntry("TST", legacy));
  }

  @Test
  void keepsCrlfLineEndingsAndAMissingFinalNewline() throws IOException {
    assertGolden(
        "crlf-and-no-final-newline",
        file -> file.withEntry("TST", entry("tbd-test", "p-2", "1.0.0", "1.1.0")));
  }

  @Test
  void writesIntoEnvironmentsThatAreEmptyNullOrAnEmptyFlowMapping() throws IOException {
    assertGolden(
        "empty-environment-values",
        file ->
            file.withEntry("STG", entry("a", "p-1", "1.0.0", "1.1.0"))
                .withEntry("TST", entry("b", "p-2", "1.0.0", "1.1.0"))
                .withEntry("PRD", entry("c", "p-3", "1.0.0", "1.1.0")));
  }

  @Test
  void replacesAFlowStyleEntryWrittenOnItsKeysLineWithABlockEntry() throws IOException {
    assertGolden(
        "flow-style-entry-on-its-key-line",
        file -> file.withEntry("TST", entry("tbd-test", "p-2", "1.3.0", "1.5.0")));
  }

  private static void assertGolden(String name, UnaryOperator<StateFile> write) throws IOException {
    String actual = write.apply(StateFile.parse(text(name, "original"))).render();
    String expected = text(name, "expected");
    if (!actual.equals(expected)) {
      Path out = Path.of("target/state-golden", name);
      Files.createDirectories(out);
      Files.writeString(out.resolve("expected"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(StateFile.parse(actual).render())
        .as("the written file reads back")
        .isEqualTo(actual);
  }

  private static String text(String name, String file) throws IOException {
    Path path = ROOT.resolve(name).resolve(file);
    return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
  }

  static StateEntry entry(String group, String id, String from, String to) {
    PromotionRecord record = new PromotionRecord(id, to, "DEV", "TST", AT, "alice", "v" + to, null);
    return new StateEntry(
        group,
        record,
        TagSnapshot.builder().put("svc", "app", from).build(),
        TagSnapshot.builder().put("svc", "app", to).build(),
        List.of());
  }
}
