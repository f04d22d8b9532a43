package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.yaml.KustomizationFile.Image;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the kustomize, Argo CD Application and Helm values readers refuse, and where they say it is.
 */
class LayoutFilesRefusalTest {

  @Test
  void kustomizeImagesAreMatchedByNameSoANameMustBeThereAndUnique() {
    assertThatThrownBy(() -> KustomizationFile.parse("images:\n  - newTag: 1.0\n"))
        .hasMessage("line 2, column 5: images[0] has no name; images are matched by name");
    assertThatThrownBy(
            () -> KustomizationFile.parse("images:\n  - name: web\n  - {name: web, newTag: 2}\n"))
        .hasMessage(
            "line 3, column 5: image 'web' appears twice (first at line 2, column 5); images are matched"
                + " by name, so names must be unique");
    assertThatThrownBy(() -> KustomizationFile.parse("images: {web: 1.0}\n"))
        .hasMessage("line 1, column 9: images is not a list (- name: ...)");
    assertThatThrownBy(
            () -> KustomizationFile.parse("images:\n  - name: web\n    newTag: {a: b}\n"))
        .hasMessage("line 3, column 5: newTag of image 'web' is not a string");
  }

  @Test
  void kustomizeRefusesToEditOrAddToSharedText() throws Exception {
    KustomizationFile aliased =
        KustomizationFile.parse("x: &v 1.0\nimages:\n  - name: web\n    newTag: *v\n");
    assertThatThrownBy(() -> aliased.withImages(Map.of("web", new Image("web", null, "2.0", null))))
        .hasMessageStartingWith(
            "line 4, column 5: cannot edit newTag of application 'web': the value is an alias");
    KustomizationFile anchored = KustomizationFile.parse("images:\n  - &web\n    name: web\n");
    assertThatThrownBy(
            () -> anchored.withImages(Map.of("web", new Image("web", null, "2.0", null))))
        .hasMessageContaining("cannot add newTag to image 'web': the image entry has an anchor");
    assertThatThrownBy(
            () -> anchored.withImages(Map.of("api", new Image("api", null, "2.0", null))))
        .hasMessage("no image named 'api' in this kustomization");
  }

  @Test
  void kustomizeWithNothingToChangeGivesBackTheSameText() throws Exception {
    String text = "images:\n- name: web\n  newTag: '1.0'\n";
    assertThat(
            KustomizationFile.parse(text)
                .withImages(Map.of("web", new Image("web", null, "1.0", null))))
        .isEqualTo(text);
  }

  @Test
  void applicationSourcesAreMatchedByChartOrRepoUrlSoEachAppearsOnce() {
    assertThatThrownBy(
            () ->
                ApplicationManifest.parse(
                    """
        kind: Application
        spec: {source: {chart: web, targetRevision: 1.0}}
        ---
        kind: Application
        spec: {source: {chart: web, targetRevision: 2.0}}
        """))
        .hasMessage(
            "line 5, column 16: source 'web' appears twice (first at line 2, column 16); sources are"
                + " matched by chart or repoURL, so each may appear once per file");
    assertThatThrownBy(
            () -> ApplicationManifest.parse("kind: Application\nspec:\n  source: {path: apps}\n"))
        .hasMessage(
            "line 3, column 11: spec.source of Application '(unnamed)' has neither chart nor repoURL;"
                + " sources are matched by them");
  }

  @Test
  void aSourceWithoutTargetRevisionReadsButIsNeverGivenOne() throws Exception {
    ApplicationManifest manifest =
        ApplicationManifest.parse(
            "kind: Application\nmetadata: {name: web}\nspec:\n  source: {chart: web}\n---\nkind: ConfigMap\n");
    assertThat(manifest.sources())
        .containsExactly(new ApplicationManifest.Source("web", null, "web", true));
    assertThatThrownBy(() -> manifest.withRevisions(Map.of("web", "1.0")))
        .hasMessage(
            "line 4, column 11: source 'web' has no targetRevision to replace; add one by hand");
  }

  @Test
  void helmValuesPathsReadScalarsOnlyAndNeverInventAPath() throws Exception {
    assertThatThrownBy(() -> ValuesPaths.parse("image:\n  tag: [1]\n", List.of("image.tag")))
        .hasMessage("line 2, column 3: image.tag is a mapping or a list, not a string");
    ValuesPaths values = ValuesPaths.parse("image: nginx:1.0\n", List.of("image.tag", "image"));
    assertThat(values.has("image.tag")).isFalse();
    assertThat(values.value("image")).contains("nginx:1.0");
    assertThatThrownBy(() -> values.with(Map.of("image.tag", "2.0")))
        .hasMessage("no value at image.tag in this file; add one by hand");
    ValuesPaths shared =
        ValuesPaths.parse("base: &b\n  tag: 1.0\nimage: *b\n", List.of("image.tag"));
    assertThatThrownBy(() -> shared.with(Map.of("image.tag", "2.0")))
        .hasMessageContaining(
            "cannot edit image.tag of application 'image.tag': image has an anchor or is an alias");
  }
}
