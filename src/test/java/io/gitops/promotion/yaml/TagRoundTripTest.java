package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever tag is written, in whatever context of the golden originals (block, flow, quoted, CRLF,
 * empty value ...), the edited file reads back with exactly that string, and every application
 * keeps its name, place and project id.
 */
class TagRoundTripTest {

  private static final List<String> TAGS =
      List.of(
          "1.5.0",
          "1.10",
          "10",
          "1e3",
          "true",
          "No",
          "null",
          "~",
          "",
          " 1.0 ",
          ".inf",
          "0x1F",
          "2024-01-05",
          "-rc1",
          "a: b",
          "a #b",
          "it's",
          "say \"hi\"",
          "C:\\tmp",
          "{x}",
          "[x]",
          "a,b",
          "ünï 🚀",
          "*x",
          "&x",
          "!x",
          "|",
          ">",
          "%x",
          "@x",
          "`x",
          "?",
          "-",
          ":");

  static Stream<String> originals() throws Exception {
    return OverlayGoldenFilesTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("originals")
  void everyWrittenTagReadsBackAsTheSameString(String name) throws Exception {
    Path file = Path.of(getClass().getResource("/yaml/" + name + "/original/values.yaml").toURI());
    OverlayFile original = OverlayFile.parse(Files.readString(file));

    for (String tag : TAGS) {
      Map<String, String> tags = new HashMap<>();
      original.applications().forEach(application -> tags.put(application.name(), tag));

      OverlayFile edited = OverlayFile.parse(original.withTags(tags));

      assertThat(edited.applications())
          .as("tag <%s> in %s", tag, name)
          .allSatisfy(application -> assertThat(application.tag()).isEqualTo(tag))
          .extracting(OverlayApplication::name, OverlayApplication::gitlabProjectId)
          .containsExactlyElementsOf(
              original.applications().stream()
                  .map(a -> tuple(a.name(), a.gitlabProjectId()))
                  .toList());
    }
  }
}
