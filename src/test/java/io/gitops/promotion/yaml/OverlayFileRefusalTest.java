package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edits the editor refuses, and overlays the reader refuses, each with a reason a person can act
 * on.
 */
class OverlayFileRefusalTest {

  @Test
  void readsAnAliasedTagButRefusesToEditIt() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        versions:
          stable: &v 1.3.0
        applications:
          - name: web
            image:
              tag: *v
        """);

    assertThat(overlay.application("web").orElseThrow().tag()).isEqualTo("1.3.0");
    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("alias (*v)")
        .hasMessageContaining("line 6, column 7");
  }

  @Test
  void leavesAnAliasedTagAloneWhenItAlreadyHasTheNewValue() throws Exception {
    String text = "v: &v 1.3.0\napplications:\n  - name: web\n    image:\n      tag: *v\n";

    assertThat(OverlayFile.parse(text).withTags(Map.of("web", "1.3.0"))).isEqualTo(text);
  }

  @Test
  void refusesToEditAnAnchoredTag() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - name: web
            image:
              tag: &web 1.3.0
        other: *web
        """);

    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("anchor (&web)");
  }

  @Test
  void refusesToEditALiteralBlockScalarTag() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            "applications:\n  - name: web\n    image:\n      tag: |\n        1.3.0\n");

    assertThat(overlay.application("web").orElseThrow().tag()).isEqualTo("1.3.0\n");
    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("block scalar");
  }

  @Test
  void refusesToEditAFoldedBlockScalarTag() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            "applications:\n  - name: web\n    image:\n      tag: >-\n        1.3.0\n");

    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("block scalar");
  }

  @Test
  void refusesToEditATagWithAnExplicitYamlTag() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse("applications:\n  - name: web\n    image:\n      tag: !!str 1.0\n");

    assertThat(overlay.application("web").orElseThrow().tag()).isEqualTo("1.0");
    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("explicit YAML tag (!!str)");
  }

  @Test
  void refusesToEditATagInsideAnImageMappingSharedThroughAnAlias() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - name: web
            image: &img {repository: r/web, tag: 1.3.0}
          - name: web-canary
            image: *img
        """);

    assertThatThrownBy(() -> overlay.withTags(Map.of("web-canary", "1.5.0")))
        .hasMessageContaining("application 'web-canary'")
        .hasMessageContaining("image mapping has an anchor or is an alias");
    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .hasMessageContaining("application 'web'");
  }

  @Test
  void refusesEveryEditWhenOneOfThemIsRefused() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - name: api
            image: {tag: 1.2.0}
          - name: web
            image: {tag: !!str 1.3.0}
        """);

    assertThatThrownBy(() -> overlay.withTags(Map.of("api", "1.4.0", "web", "1.5.0")))
        .hasMessageContaining("application 'web'");
  }

  @Test
  void rejectsATagThatIsAMappingWhenReading() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse(
                    """
        applications:
          - name: web
            image:
              tag: {major: 1, minor: 3}
        """))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("is a mapping, not a string");
  }

  @Test
  void rejectsATagThatIsASequenceWhenReading() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse("applications:\n  - name: web\n    image:\n      tag: [1.3.0]\n"))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("is a sequence, not a string");
  }

  @Test
  void rejectsATagMergedIntoTheImageFromSharedDefaults() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse(
                    """
        defaults: &defaults {repository: r/web, tag: 1.0.0}
        applications:
          - name: web
            image:
              <<: *defaults
        """))
        .hasMessageContaining("image of application 'web' takes keys from a merge key (<<)");
  }

  @Test
  void rejectsAMergeKeyWhoseAnchorSitsInsideTheSameApplication() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse(
                    """
        applications:
          - name: web
            base: &base {image: {tag: 1.0.0}}
            <<: *base
        """))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("merge key (<<)");
  }

  @Test
  void rejectsTwoApplicationsWithTheSameName() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse(
                    """
        applications:
          - name: web
            image: {tag: 1.3.0}
          - name: "web"
            image: {tag: 1.4.0}
        """))
        .hasMessageContaining("application 'web' appears twice")
        .hasMessageContaining("line 4")
        .hasMessageContaining("first at line 2");
  }

  @Test
  void refusesAnApplicationTheOverlayDoesNotHave() throws Exception {
    OverlayFile overlay = OverlayFile.parse("applications:\n  - name: web\n    image: {tag: 1}\n");

    assertThatThrownBy(() -> overlay.withTags(Map.of("wbe", "1.5.0")))
        .hasMessageContaining("no application named 'wbe'")
        .hasMessageContaining("it has 'web'");
  }

  @Test
  void refusesToAddATagToAnApplicationThatHasNone() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse("applications:\n  - name: web\n    image: {repository: r}\n");

    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0")))
        .hasMessageContaining("application 'web' has no image.tag");
  }

  @Test
  void refusesANewTagWithALineBreak() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse("applications:\n  - name: web\n    image: {tag: \"1\"}\n");

    assertThatThrownBy(() -> overlay.withTags(Map.of("web", "1.5.0\nevil: true")))
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("line break or control character: 1.5.0\\u000Aevil: true");
  }
}
