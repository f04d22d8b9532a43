package io.gitops.promotion.argocd;

import static io.gitops.promotion.argocd.LuaHealthCheck.CUSTOMIZATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionRollback;
import io.gitops.promotion.argocd.LuaHealthCheck.HealthStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of every {@code health_test.yaml} against its testdata file, as Argo CD's {@code
 * go test ./util/lua/} does for the scripts in its resource_customizations directory, and checks
 * that the testdata are objects the operator's API classes read and write unchanged.
 */
class ArgoCdHealthTestCasesTest {
  static final YAMLMapper YAML = new YAMLMapper();
  static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of("Promotion", Promotion.class, "PromotionRollback", PromotionRollback.class);

  /** One entry of a health_test.yaml: the resource file and the health Argo CD must show for it. */
  record HealthTestCase(String kind, Path input, HealthStatus expected) {}

  static List<HealthTestCase> cases() {
    List<HealthTestCase> cases = new ArrayList<>();
    for (String kind : KINDS.keySet()) {
      Path dir = CUSTOMIZATIONS.resolve(kind);
      for (JsonNode test : read(dir.resolve("health_test.yaml")).get("tests")) {
        JsonNode expected = test.get("healthStatus");
        cases.add(
            new HealthTestCase(
                kind,
                dir.resolve(test.get("inputPath").asText()),
                new HealthStatus(
                    expected.get("status").asText(), expected.path("message").asText(""))));
      }
    }
    return cases;
  }

  static Stream<Named<HealthTestCase>> namedCases() {
    return cases().stream().map(c -> Named.of(CUSTOMIZATIONS.relativize(c.input()).toString(), c));
  }

  @ParameterizedTest
  @MethodSource("namedCases")
  void healthScriptGivesTheExpectedHealth(HealthTestCase test) {
    assertThat(LuaHealthCheck.of(test.kind()).assess(read(test.input())))
        .isEqualTo(test.expected());
  }

  @ParameterizedTest
  @MethodSource("namedCases")
  void testdataIsAResourceTheOperatorWritesUnchanged(HealthTestCase test) throws IOException {
    JsonNode input = read(test.input());
    assertThat(input.get("apiVersion").asText())
        .isEqualTo(Promotion.GROUP + "/" + Promotion.VERSION);
    assertThat(input.get("kind").asText()).isEqualTo(test.kind());
    HasMetadata resource =
        Serialization.unmarshal(Files.readString(test.input()), KINDS.get(test.kind()));
    assertThat(StoredResources.asStored(resource)).isEqualTo(input);
  }

  @Test
  void everyKindHasTestsAndEveryTestdataFileIsACase() throws IOException {
    for (String kind : KINDS.keySet()) {
      List<Path> inputs =
          cases().stream().filter(c -> c.kind().equals(kind)).map(HealthTestCase::input).toList();
      try (Stream<Path> testdata = Files.list(CUSTOMIZATIONS.resolve(kind).resolve("testdata"))) {
        assertThat(inputs).as(kind).containsExactlyInAnyOrderElementsOf(testdata.toList());
      }
    }
    try (Stream<Path> kinds = Files.list(CUSTOMIZATIONS)) {
      assertThat(kinds.map(k -> k.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(KINDS.keySet());
    }
  }

  static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
