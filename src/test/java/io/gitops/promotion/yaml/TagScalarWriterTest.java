package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/** How a new tag is written for each quoting style of the value it replaces. */
class TagScalarWriterTest {

  @Test
  void plainStaysPlainForAnOrdinaryTag() throws Exception {
    assertThat(TagScalarWriter.write(ScalarStyle.PLAIN, "1.5.0", "web")).isEqualTo("1.5.0");
  }

  @Test
  void plainBecomesDoubleQuotedWhenPlainWouldReadAsAnotherType() throws Exception {
    assertThat(TagScalarWriter.write(ScalarStyle.PLAIN, "1.10", "web")).isEqualTo("\"1.10\"");
    assertThat(TagScalarWriter.write(ScalarStyle.PLAIN, "a\\\"b", "web"))
        .isEqualTo("\"a\\\\\\\"b\"");
  }

  @Test
  void singleQuotedStaysSingleQuotedAndDoublesApostrophes() throws Exception {
    assertThat(TagScalarWriter.write(ScalarStyle.SINGLE_QUOTED, "1.10", "web")).isEqualTo("'1.10'");
    assertThat(TagScalarWriter.write(ScalarStyle.SINGLE_QUOTED, "it's \\", "web"))
        .isEqualTo("'it''s \\'");
  }

  @Test
  void doubleQuotedStaysDoubleQuotedAndEscapesBackslashAndQuote() throws Exception {
    assertThat(TagScalarWriter.write(ScalarStyle.DOUBLE_QUOTED, "1.5.0", "web"))
        .isEqualTo("\"1.5.0\"");
    assertThat(TagScalarWriter.write(ScalarStyle.DOUBLE_QUOTED, "C:\\x \"y\"", "web"))
        .isEqualTo("\"C:\\\\x \\\"y\\\"\"");
  }

  @Test
  void keepsNonAsciiTextAsIs() throws Exception {
    assertThat(TagScalarWriter.write(ScalarStyle.DOUBLE_QUOTED, "v1-🚀", "web"))
        .isEqualTo("\"v1-🚀\"");
  }

  @Test
  void refusesControlCharactersNamingTheApplication() {
    assertThatThrownBy(() -> TagScalarWriter.write(ScalarStyle.DOUBLE_QUOTED, "1.0\t", "web"))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageContaining("application 'web'")
        .hasMessageContaining("1.0\\u0009");
  }
}
