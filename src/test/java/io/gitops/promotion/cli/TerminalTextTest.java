package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Names and messages from a repository cannot drive the terminal they are printed on. */
class TerminalTextTest {

  @Test
  void escapesAnsiSequencesAndLineBreaksInACell() {
    assertThat(TerminalText.cell("web\u001b[31m\nred\t\r"))
        .isEqualTo("web\\u001B[31m\\u000Ared\\u0009\\u000D");
  }

  @Test
  void keepsLineBreaksTabsAndCrlfInLinesButEscapesALoneCarriageReturn() {
    assertThat(TerminalText.lines("a\tb\r\nc\rhidden\u0007\n"))
        .isEqualTo("a\tb\r\nc\\u000Dhidden\\u0007\n");
  }

  @Test
  void escapesBidirectionalOverrides() {
    assertThat(TerminalText.cell("app\u202Egnp.exe\u2066")).isEqualTo("app\\u202Egnp.exe\\u2066");
  }

  @Test
  void leavesPrintableTextIncludingAccentsAlone() {
    assertThat(TerminalText.cell("café-1.5.0 🚀")).isEqualTo("café-1.5.0 🚀");
  }

  @Test
  void aTableEscapesItsCellsAndAlignsOnWhatItPrints() {
    StringWriter out = new StringWriter();
    new TextTable("APP", "TAG")
        .row("a\u001b[2J", "1.0")
        .row("b", null)
        .print(new PrintWriter(out, true));

    assertThat(out.toString())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "APP         TAG",
                "a\\u001B[2J  1.0",
                "b           -",
                ""));
  }
}
