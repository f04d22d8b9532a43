package io.gitops.promotion.cli;

/**
 * Makes text from a repository or a request safe to print on a terminal: control characters (ANSI
 * escape sequences, a lone carriage return that overwrites a line, backspace) and the Unicode
 * bidirectional overrides that reorder what a reader sees are shown as {@code \\uXXXX} instead of
 * acting on the terminal. JSON output needs none of this: JSON escapes control characters itself.
 */
final class TerminalText {
  private TerminalText() {}

  /** One table cell or name: every control character escaped, line breaks and tabs included. */
  static String cell(String text) {
    return escape(text, false);
  }

  /**
   * Lines of text such as a message or a diff: line feeds, tabs and the carriage return of a CRLF
   * line ending stay, every other control character is escaped.
   */
  static String lines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null) {
      return null;
    }
    StringBuilder safe = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak =
          c == '\n'
              || c == '\t'
              || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (keepLines && lineBreak || !isUnsafe(c)) {
        safe.append(c);
      } else {
        safe.append(String.format("\\u%04X", (int) c));
      }
    }
    return safe.toString();
  }

  private static boolean isUnsafe(char c) {
    return Character.isISOControl(c)
        || c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069';
  }
}
