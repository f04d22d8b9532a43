package io.gitops.promotion.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one string a promoted value is written as, split and checked. */
class ImageVersionTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void splitsTagsDigestsAndImageNamesAndWritesThemBackTheSame() {
    for (String value :
        new String[] {
          "1.5.0",
          "1.5.0@" + DIGEST,
          DIGEST,
          "harbor.example.com:5000/shop/web:1.5.0",
          "harbor.example.com/shop/web@" + DIGEST,
          "nginx:1.25@" + DIGEST
        }) {
      assertThat(ImageVersion.parse(value).value()).isEqualTo(value);
    }
    assertThat(ImageVersion.parse("1.5.0@" + DIGEST))
        .isEqualTo(new ImageVersion(null, "1.5.0", DIGEST));
    assertThat(ImageVersion.parse(DIGEST)).isEqualTo(new ImageVersion(null, null, DIGEST));
    assertThat(ImageVersion.parse("harbor.example.com:5000/shop/web"))
        .isEqualTo(new ImageVersion("harbor.example.com:5000/shop/web", null, null));
  }

  @Test
  void aMalformedDigestOrNameIsAProblemWhereverItStands() {
    assertThat(ImageVersion.problem("1.5.0@sha256:ABC"))
        .hasValueSatisfying(p -> assertThat(p).contains("'sha256:ABC'"));
    assertThat(ImageVersion.problem("sha512:" + "ab".repeat(64))).isPresent();
    assertThat(ImageVersion.problem("Harbor/Web:1.0"))
        .contains("the image name 'Harbor/Web' is not a valid image name");
    assertThat(ImageVersion.problem("harbor.example.com/shop/web@" + DIGEST)).isEmpty();
    assertThat(ImageVersion.problem("1.5.0")).isEmpty();
    assertThat(ImageVersion.problem("1.5 0")).isPresent();
  }
}
