package io.gitops.promotion.state;

/**
 * Turns a legacy flat state file into the nested format before a write, keeping its bytes: the
 * lines {@code environments:}, {@code <target_env>:} and {@code <group>:} go above the legacy root
 * mapping, and every non-blank line from that mapping to the end of the file is indented by six
 * more spaces, so the legacy keys (and the comments among them) become the entry of their
 * environment and group. Whatever precedes the root mapping (a header comment, {@code ---}) stays
 * on top. Indenting every line by the same amount keeps block and multi-line scalars as they were.
 */
final class LegacyNesting {

  private static final String INDENT = "      ";

  private LegacyNesting() {}

  static String nest(String text, StateLayout.LegacyEntry legacy, String newline) {
    int lineStart = legacy.region().start();
    while (lineStart > 0
        && text.charAt(lineStart - 1) != '\n'
        && text.charAt(lineStart - 1) != '\r') {
      lineStart--;
    }
    StringBuilder out =
        new StringBuilder(text.length() + text.length() / 4)
            .append(text, 0, lineStart)
            .append("environments:")
            .append(newline)
            .append("  ")
            .append(StateScalars.write(legacy.environment()))
            .append(':')
            .append(newline)
            .append("    ")
            .append(StateScalars.write(legacy.group()))
            .append(':')
            .append(newline);
    int i = lineStart;
    while (i < text.length()) {
      int end = text.indexOf('\n', i);
      end = end < 0 ? text.length() : end + 1;
      String line = text.substring(i, end);
      out.append(line.isBlank() ? "" : INDENT).append(line);
      i = end;
    }
    return out.toString();
  }
}
