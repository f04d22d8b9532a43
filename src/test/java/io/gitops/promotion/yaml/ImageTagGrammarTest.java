package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tags and digests a registry would accept pass; anything else gets a reason. */
class ImageTagGrammarTest {

  private static final String HEX = "0123456789abcdef".repeat(4);

  @ParameterizedTest
  @ValueSource(
      strings = {"1.5.0", "v1.10", "latest", "_build", "1.0.0-rc.1", "0.23.0.185", "A_b.C-d", "x"})
  void acceptsOciTags(String tag) {
    assertThat(ImageTagGrammar.problem(tag)).isEmpty();
    assertThat(ImageTagGrammar.problemWithDigest(tag)).isEmpty();
  }

  @Test
  void acceptsATagOfExactly128Characters() {
    assertThat(ImageTagGrammar.problem("a".repeat(128))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.5 0", "#1", "{a: b}", ".hidden", "-rc", "1.0+build", "tag/x", "1.0\n", "ünï"})
  void refusesValuesNoRegistryAccepts(String tag) {
    assertThat(ImageTagGrammar.problem(tag))
        .hasValueSatisfying(problem -> assertThat(problem).contains("is not a valid image tag"));
  }

  @Test
  void refusesAnEmptyOrMissingTag() {
    assertThat(ImageTagGrammar.problem("")).hasValue("the tag is empty");
    assertThat(ImageTagGrammar.problem(null)).hasValue("the tag is empty");
  }

  @Test
  void refusesAVeryLongTagWithoutQuotingItWhole() {
    String problem = ImageTagGrammar.problem("1".repeat(200_000)).orElseThrow();

    assertThat(problem)
        .contains("200000 characters long; a tag has at most 128")
        .hasSizeLessThan(200);
  }

  @Test
  void escapesControlCharactersInTheProblem() {
    assertThat(ImageTagGrammar.problem("1.0\u001b[31m"))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("'1.0\\u001B[31m'").doesNotContain("\u001b"));
  }

  @Test
  void acceptsADigestAndATagPinnedToADigestOnlyWhereDigestsAreAllowed() {
    assertThat(ImageTagGrammar.problemWithDigest("sha256:" + HEX)).isEmpty();
    assertThat(ImageTagGrammar.problemWithDigest("1.5.0@sha256:" + HEX)).isEmpty();
    assertThat(ImageTagGrammar.problem("sha256:" + HEX)).isPresent();
  }

  @Test
  void refusesADigestWithUpperCaseHexSayingSo() {
    assertThat(ImageTagGrammar.problemWithDigest("sha256:" + HEX.toUpperCase()))
        .hasValueSatisfying(problem -> assertThat(problem).contains("must be lower case"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:abc",
        "sha256:" + "0123456789abcdef" + "g",
        "sha512:00",
        "1.5.0@",
        "1.5.0@md5:00"
      })
  void refusesMalformedDigests(String value) {
    assertThat(ImageTagGrammar.problemWithDigest(value))
        .hasValueSatisfying(
            problem ->
                assertThat(problem).contains("a digest is 'sha256:' followed by 64 hex digits"));
  }

  @Test
  void refusesAnInvalidTagInFrontOfAValidDigest() {
    assertThat(ImageTagGrammar.problemWithDigest("bad tag@sha256:" + HEX))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("'bad tag' is not a valid image tag"));
  }
}
