package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link OverlayFile#parse} reads from an overlay, and the overlays it cannot read. */
class OverlayFileReadingTest {

  @Test
  void readsTagsAsTheStringsTheFileHolds() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - {name: a, image: {tag: "1.5.0"}}
          - {name: b, image: {tag: 1.10}}
          - {name: c, image: {tag: '0.23.0.185'}}
          - {name: d, image: {tag: "\\x31.0"}}
        """);

    assertThat(overlay.applications())
        .extracting(OverlayApplication::tag)
        .containsExactly("1.5.0", "1.10", "0.23.0.185", "1.0");
  }

  @Test
  void readsGitlabProjectIdWrittenPlainOrQuoted() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - {name: a, gitlabProjectId: 1331}
          - {name: b, gitlabProjectId: "1332"}
          - {name: c}
        """);

    assertThat(overlay.applications())
        .containsExactly(
            new OverlayApplication("a", null, 1331L),
            new OverlayApplication("b", null, 1332L),
            new OverlayApplication("c", null, null));
  }

  @Test
  void rejectsAGitlabProjectIdThatIsNotAWholeNumber() {
    assertThatThrownBy(
            () -> OverlayFile.parse("applications:\n  - name: web\n    gitlabProjectId: twelve\n"))
        .hasMessageContaining("gitlabProjectId of application 'web' is not a whole number");
  }

  @Test
  void findsApplicationsByNameWhateverTheirPosition() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - {name: backend, image: {tag: 1.2.0}}
          - {name: frontend, image: {tag: 1.3.0}}
        """);

    assertThat(overlay.application("frontend"))
        .hasValue(new OverlayApplication("frontend", "1.3.0", null));
    assertThat(overlay.application("worker")).isEmpty();
  }

  @Test
  void anOverlayWithoutApplicationsHasNone() throws Exception {
    assertThat(OverlayFile.parse("namespace: shop\n").applications()).isEmpty();
    assertThat(OverlayFile.parse("").applications()).isEmpty();
    assertThat(OverlayFile.parse("# nothing yet\n").applications()).isEmpty();
  }

  @Test
  void anEmptyMapOfTagsGivesBackTheSameText() throws Exception {
    String text = "applications:\r\n  - name: web\r\n    image: {tag: 1.10}";

    assertThat(OverlayFile.parse(text).withTags(Map.of())).isEqualTo(text);
  }

  @Test
  void readsTheFirstDocumentThatHasApplications() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        global: {}
        ---
        applications: [{name: web, image: {tag: 1.3.0}}]
        ---
        applications: [{name: api, image: {tag: 1.2.0}}]
        """);

    assertThat(overlay.applications()).extracting(OverlayApplication::name).containsExactly("web");
  }

  @Test
  void rejectsADocumentThatIsNotAMapping() {
    assertThatThrownBy(() -> OverlayFile.parse("- name: web\n"))
        .hasMessageContaining("line 1, column 1: the document is not a mapping");
  }

  @Test
  void rejectsApplicationsThatIsNotAList() {
    assertThatThrownBy(() -> OverlayFile.parse("applications:\n  web: {tag: 1}\n"))
        .hasMessageContaining("line 2, column 3: applications is not a list");
    assertThatThrownBy(() -> OverlayFile.parse("applications:\n"))
        .hasMessageContaining("applications is not a list");
  }

  @Test
  void rejectsAnApplicationWithoutAName() {
    assertThatThrownBy(() -> OverlayFile.parse("applications:\n  - image: {tag: 1}\n"))
        .hasMessageContaining("applications[0] has no name");
  }

  @Test
  void rejectsAnImageThatIsNotAMapping() {
    assertThatThrownBy(
            () -> OverlayFile.parse("applications:\n  - name: web\n    image: r/web:1\n"))
        .hasMessageContaining("image of application 'web' is not a mapping");
  }

  @Test
  void rejectsATagKeyWrittenTwice() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse(
                    "applications:\n  - name: web\n    image:\n      tag: 1.3.0\n      tag: 1.4.0\n"))
        .hasMessageContaining(
            "line 5, column 7: key 'tag' appears twice in image of application 'web'");
  }

  @Test
  void rejectsAMergeKeyInAnApplication() {
    assertThatThrownBy(
            () ->
                OverlayFile.parse(
                    """
        defaults: &defaults {image: {tag: 1.0.0}}
        applications:
          - name: web
            <<: *defaults
        """))
        .hasMessageContaining("line 3, column 5: applications[0] (application 'web')")
        .hasMessageContaining("merge key (<<), which is not supported");
  }

  @Test
  void rejectsTextThatIsNotYamlAndSaysWhere() {
    assertThatThrownBy(() -> OverlayFile.parse("applications:\n  - name: [web\n"))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageStartingWith("not valid YAML: ")
        .hasMessageContaining("line 3");
  }

  @Test
  void warnsThatALaterDocumentWithItsOwnApplicationsIsIgnored() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            """
        applications:
          - {name: web, image: {tag: 1.0.0}}
        ---
        other: 1
        ---
        applications:
          - {name: worker, image: {tag: 2.0.0}}
        """);

    assertThat(overlay.applications()).extracting(OverlayApplication::name).containsExactly("web");
    assertThat(overlay.warnings())
        .containsExactly(
            "line 6, column 1: YAML document 3 has an applications list too; it is ignored, only the"
                + " list at line 1, column 1 is read (put every application in one list)");
  }

  @Test
  void hasNoWarningsForASingleApplicationsList() throws Exception {
    OverlayFile overlay =
        OverlayFile.parse(
            "global: {}\n---\napplications:\n  - {name: web, image: {tag: 1.0.0}}\n---\nother: 1\n");

    assertThat(overlay.warnings()).isEmpty();
  }
}
