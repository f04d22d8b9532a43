package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which strings may stay plain for both YAML 1.2 core and YAML 1.1 (go-yaml) readers. */
class PlainScalarSafetyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.5.0",
        "v1.5.0",
        "1.5.0-rc.1",
        "0.23.0.185",
        "sha-abc123",
        "latest",
        "6f3c2ab",
        "main_20240105",
        "2024-01-05-1",
        "1.2.3.4.5",
        "v10",
        "x1e3",
        "_1",
        "yes-please",
        "nully"
      })
  void imageTagsThatReadAsStringsStayPlain(String value) {
    assertThat(PlainScalarSafety.canBePlain(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.10",
        "1.3",
        "1.",
        "10",
        "010",
        "1_000",
        "1e3",
        "1E3",
        "1.5e-3",
        "1234e56",
        "0x1F",
        "0X1f",
        "0o7",
        "0b101",
        "true",
        "True",
        "TRUE",
        "tRuE",
        "false",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "N",
        "null",
        "Null",
        "NULL",
        "2024-01-05",
        "2024-1-5",
        "2024-01-05t10"
      })
  void stringsThatReadAsAnotherTypeNeedQuotes(String value) {
    assertThat(PlainScalarSafety.canBePlain(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " 1.0",
        "1.0 ",
        "~",
        ".inf",
        "-.inf",
        ".nan",
        ".NaN",
        "-rc1",
        "?x",
        ":x",
        "*x",
        "&x",
        "!x",
        "|x",
        ">x",
        "'x",
        "\"x",
        "%x",
        "@x",
        "`x",
        "#x",
        "[x",
        "]x",
        "{x",
        "}x",
        ",x",
        "a: b",
        "a #b",
        "a:b",
        "a,b",
        "a]b",
        "a\tb",
        "ünïcödé",
        "1.0+build",
        "a/b",
        "=",
        "<<"
      })
  void stringsThatAreNotValidOrNotSafePlainNeedQuotes(String value) {
    assertThat(PlainScalarSafety.canBePlain(value)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void imageReferencesAndDigestsStayPlainWhereTheyMayBeReferences() {
    String digest = "sha256:" + "ab".repeat(32);
    org.assertj.core.api.Assertions.assertThat(PlainScalarSafety.canBePlain(digest)).isFalse();
    org.assertj.core.api.Assertions.assertThat(PlainScalarSafety.canBePlainReference(digest))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            PlainScalarSafety.canBePlainReference(
                "harbor.example.com:5000/shop/web:1.5.0@" + digest))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(PlainScalarSafety.canBePlainReference("1.10"))
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(PlainScalarSafety.canBePlainReference("1:30"))
        .as("YAML 1.1 sexagesimal")
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(PlainScalarSafety.canBePlainReference("web:"))
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(PlainScalarSafety.canBePlainReference("a: b"))
        .isFalse();
  }
}
