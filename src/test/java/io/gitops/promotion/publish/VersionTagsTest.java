package io.gitops.promotion.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.gitlab.ResolvedTag;
import org.junit.jupiter.api.Test;

/** Values pinned to a digest name their tag's release; a digest alone names none. */
class VersionTagsTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void aPinnedValueResolvesTheReleaseOfItsTag() {
    InMemoryGitLab gitLab = new InMemoryGitLab();
    gitLab.tag("42", "v1.5.0", "c0ffee");

    assertThat(VersionTags.resolve(gitLab, "42", "1.5.0@" + DIGEST))
        .contains(new ResolvedTag("v1.5.0", "c0ffee"));
    assertThat(VersionTags.resolve(gitLab, "42", "harbor.example.com/shop/web:1.5.0"))
        .contains(new ResolvedTag("v1.5.0", "c0ffee"));
    assertThat(VersionTags.resolve(gitLab, "42", DIGEST)).isEmpty();
    assertThat(VersionTags.tagName("1.5.0@" + DIGEST)).isEqualTo("v1.5.0");
    assertThat(VersionTags.tagName(DIGEST)).isEqualTo("(blank)");
    assertThat(VersionTags.tagName("1.5.0")).isEqualTo("v1.5.0");
  }
}
