package io.gitops.promotion.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files per layout: every folder {@code src/test/resources/layouts/<kind>/<case>/} holds one
 * file in {@code original/} and {@code expected/} (compared byte for byte, so CRLF and a missing
 * final newline count), {@code values.properties} (application = new value, one a line; the key
 * ends at the last '='), {@code applications.txt} (what reading the original gives, {@code
 * name=value}) and optionally {@code settings.properties} ({@code newName=true}, {@code
 * paths=a.b,c}).
 */
class LayoutGoldenFilesTest {
  private static final Path ROOT = Path.of("src/test/resources/layouts");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> kinds = Files.list(ROOT)) {
      return kinds
          .sorted()
          .flatMap(
              kind -> {
                try (Stream<Path> folders = Files.list(kind)) {
                  return folders
                      .sorted()
                      .map(f -> kind.getFileName() + "/" + f.getFileName())
                      .toList()
                      .stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rewritesOnlyTheCopiedValuesOfTheNamedApplications(String name) throws IOException {
    ValuesFile original = read(name, "original");

    assertThat(original.withValues(pairs(name, "values.properties")))
        .isEqualTo(text(name, "expected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsEachApplicationOfTheOriginalByName(String name) throws IOException {
    String read =
        read(name, "original").applications().stream()
            .map(a -> a.name() + "=" + a.tag() + "\n")
            .collect(Collectors.joining());

    assertThat(read).isEqualTo(Files.readString(ROOT.resolve(name).resolve("applications.txt")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expectedFileReadsBackWithTheNewValuesAndEveryOtherApplicationUnchanged(String name)
      throws IOException {
    Map<String, String> values = pairs(name, "values.properties");
    ValuesFile original = read(name, "original");
    ValuesFile expected = read(name, "expected");

    for (PromotableApplication before : original.applications()) {
      assertThat(expected.application(before.name()).map(PromotableApplication::tag).orElse(null))
          .isEqualTo(values.getOrDefault(before.name(), before.tag()));
    }
    assertThat(expected.applications()).hasSameSizeAs(original.applications());
  }

  private static ValuesFile read(String name, String side) throws IOException {
    String kind = name.substring(0, name.indexOf('/'));
    Map<String, String> settings =
        Files.exists(ROOT.resolve(name).resolve("settings.properties"))
            ? pairs(name, "settings.properties")
            : Map.of();
    LayoutSettings layout =
        new LayoutSettings(
            kind,
            "{group}/{service}/{env}/file.yaml",
            Map.of(),
            Map.of(),
            null,
            Boolean.parseBoolean(settings.get("newName")),
            settings.containsKey("paths")
                ? Arrays.asList(settings.get("paths").split(","))
                : List.of(),
            Set.of());
    return Layouts.of(layout, "workloads").orElseThrow().parse(name, text(name, side));
  }

  private static String text(String name, String side) throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve(name).resolve(side))) {
      byte[] bytes = Files.readAllBytes(files.findFirst().orElseThrow());
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
  }

  private static Map<String, String> pairs(String name, String file) throws IOException {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ROOT.resolve(name).resolve(file))) {
      int eq = line.lastIndexOf('=');
      if (eq > 0) {
        pairs.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return pairs;
  }
}
