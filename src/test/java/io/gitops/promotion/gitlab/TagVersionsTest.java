package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagVersionsTest {

  @ParameterizedTest
  @CsvSource({
    "1.5.0, v1.5.0",
    "v1.5.0, v1.5.0",
    "0.23.0.185, v0.23.0.185",
    "' 2.0.0 ', v2.0.0",
    "1.5.0-rc.1, v1.5.0-rc.1"
  })
  void aVersionsTagIsTheVersionPrefixedWithVOnce(String version, String tag) {
    assertThat(TagVersions.tagName(version)).isEqualTo(tag);
  }

  @ParameterizedTest
  @CsvSource({"0.23.0.185, v0.23.0", "v0.23.0.185, v0.23.0", "10.2.33.4, v10.2.33"})
  void aHotfixBuildResolvesThroughItsBaseTag(String version, String baseTag) {
    assertThat(TagVersions.hotfixBaseTag(version)).contains(baseTag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.23.0", "v1.5.0", "1.5", "1.5.0-rc.1", "1.2.3.4.5", "1.2.3.x"})
  void otherVersionsAreNoHotfixBuilds(String version) {
    assertThat(TagVersions.hotfixBaseTag(version)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void aBlankVersionHasNoTag(String version) {
    assertThatThrownBy(() -> TagVersions.tagName(version))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version is required");
  }
}
