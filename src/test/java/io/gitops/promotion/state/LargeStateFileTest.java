package io.gitops.promotion.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A state file of tens of megabytes gets one entry written without the others being re-rendered:
 * the file written is, byte for byte, the file read with only that entry's text changed. The other
 * entries are written in a style the writer never produces (double quotes, comments), so a
 * re-render would show.
 */
class LargeStateFileTest {
  private static final int GROUPS = 1_200;
  private static final int SERVICES = 50;
  private static final List<String> ENVIRONMENTS = List.of("TST", "STG", "PRD");
  private static final String WRITTEN_GROUP = "group-600";

  @Test
  void writesOneEntryOfAThirtyMegabyteFileLeavingEveryOtherByteAsItWas() {
    String original = file(false);
    assertThat(original.length()).isGreaterThan(30 * 1024 * 1024);

    String written = StateFile.parse(original).withEntry("STG", newEntry()).render();

    assertThat(written.equals(file(true)))
        .as("only the entry of group-600 in STG changed")
        .isTrue();
  }

  @Test
  void readsOneEntryOfAThirtyMegabyteFile() {
    StateEntry entry = StateFile.parse(file(false)).entry("PRD", "group-1199").orElseThrow();
    assertThat(entry.preState().tag("service-49", "group-1199-service-49-worker"))
        .contains("1.49.0");
  }

  /**
   * The whole file; with {@code written}, as the writer leaves it after writing {@link
   * #newEntry()}.
   */
  private static String file(boolean written) {
    StringBuilder text =
        new StringBuilder(36 * 1024 * 1024).append("# a large repository\nenvironments:\n");
    for (String env : ENVIRONMENTS) {
      text.append("  \"").append(env).append("\":\n");
      for (int g = 0; g < GROUPS; g++) {
        String group = "group-" + g;
        if (written && env.equals("STG") && group.equals(WRITTEN_GROUP)) {
          appendWrittenEntry(text);
        } else {
          appendEntry(text, env, group);
        }
      }
    }
    return text.toString();
  }

  private static void appendEntry(StringBuilder text, String env, String group) {
    text.append("    \"")
        .append(group)
        .append("\": # promoted by the pipeline\n")
        .append("      promotion:\n")
        .append("        version: \"1.0.1\"\n")
        .append("        pipeline_id: \"")
        .append(env)
        .append('-')
        .append(group)
        .append("\"\n")
        .append("        created_at: \"2026-01-05T10:00:00Z\"\n");
    for (String state : List.of("pre_state", "post_state")) {
      text.append("      ").append(state).append(":\n        ").append(group).append(":\n");
      for (int s = 0; s < SERVICES; s++) {
        text.append("          service-").append(s).append(":\n");
        for (String app : List.of("api", "worker")) {
          text.append("            ")
              .append(group)
              .append("-service-")
              .append(s)
              .append('-')
              .append(app)
              .append(": \"1.")
              .append(s)
              .append(state.equals("pre_state") ? ".0" : ".1")
              .append("\"\n");
        }
      }
    }
  }

  private static void appendWrittenEntry(StringBuilder text) {
    text.append("    \"group-600\": # promoted by the pipeline\n")
        .append(
            """
              promotion:
                version: 2.0.0
                id: p-new
                source_env: TST
                target_env: STG
                created_at: "2026-11-22T10:00:00Z"
                created_by: alice
                tag: v2.0.0
              pre_state:
                group-600:
                  service-0:
                    group-600-service-0-api: 1.0.1
              post_state:
                group-600:
                  service-0:
                    group-600-service-0-api: 2.0.0
        """);
  }

  private static StateEntry newEntry() {
    PromotionRecord record =
        new PromotionRecord(
            "p-new",
            "2.0.0",
            "TST",
            "STG",
            Instant.parse("2026-11-22T10:00:00Z"),
            "alice",
            "v2.0.0",
            null);
    return new StateEntry(
        WRITTEN_GROUP,
        record,
        TagSnapshot.builder().put("service-0", "group-600-service-0-api", "1.0.1").build(),
        TagSnapshot.builder().put("service-0", "group-600-service-0-api", "2.0.0").build(),
        List.of());
  }
}
