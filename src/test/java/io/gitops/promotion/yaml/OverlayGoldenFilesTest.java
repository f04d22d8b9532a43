package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every folder under {@code src/test/resources/yaml/} is one case with {@code
 * original/values.yaml}, {@code expected/values.yaml}, {@code tags.properties} (application = new
 * tag) and {@code applications.txt} (what reading the original gives, one application a line).
 * Files are compared as exact strings decoded from their bytes, so CRLF, a byte order mark and a
 * missing final newline count.
 */
class OverlayGoldenFilesTest {

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> folders = Files.list(root())) {
      return folders
          .filter(Files::isDirectory)
          .map(folder -> folder.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rewritesOnlyTheTagValuesOfTheNamedApplications(String name) throws Exception {
    OverlayFile original = OverlayFile.parse(text(name, "original/values.yaml"));

    String edited = original.withTags(tags(name));

    assertThat(edited).isEqualTo(text(name, "expected/values.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsEachApplicationOfTheOriginalByName(String name) throws Exception {
    OverlayFile original = OverlayFile.parse(text(name, "original/values.yaml"));

    String read =
        original.applications().stream()
            .map(application -> application + "\n")
            .collect(Collectors.joining());

    assertThat(read).isEqualTo(text(name, "applications.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expectedFileReadsBackWithTheNewTagsAndEveryOtherApplicationUnchanged(String name)
      throws Exception {
    OverlayFile original = OverlayFile.parse(text(name, "original/values.yaml"));
    Map<String, String> tags = tags(name);

    OverlayFile expected = OverlayFile.parse(text(name, "expected/values.yaml"));

    for (OverlayApplication before : original.applications()) {
      String tag = tags.getOrDefault(before.name(), before.tag());
      assertThat(expected.application(before.name()))
          .hasValue(new OverlayApplication(before.name(), tag, before.gitlabProjectId()));
    }
    assertThat(expected.applications()).hasSameSizeAs(original.applications());
  }

  @Test
  void crlfFixtureReallyHoldsCarriageReturns() throws Exception {
    assertThat(text("crlf", "original/values.yaml")).contains("\r\n").doesNotContain("\n\n");
    assertThat(text("crlf", "expected/values.yaml")).contains("tag: \"1.5.0\" # promoted\r\n");
  }

  private static Map<String, String> tags(String name) throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(text(name, "tags.properties")));
    Map<String, String> tags = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> tags.put(key, properties.getProperty(key)));
    return tags;
  }

  private static String text(String name, String file)
      throws IOException, URISyntaxException, CharacterCodingException {
    byte[] bytes = Files.readAllBytes(root().resolve(name).resolve(file));
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static Path root() throws URISyntaxException {
    return Path.of(OverlayGoldenFilesTest.class.getResource("/yaml").toURI());
  }
}
