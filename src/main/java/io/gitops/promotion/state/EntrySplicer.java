package io.gitops.promotion.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes one entry into the text of a nested state file by changing only the characters of that
 * entry: the entry's old region is replaced, or the new entry (with its environment, or with {@code
 * environments:} itself, when missing) is inserted after the last content of the mapping that
 * receives it. Every other character, comments included, stays as it was; the file's line ending
 * (LF or CRLF) is kept. An old entry's comment at the end of its last line goes with it; comments
 * on lines of their own after it stay. A mapping written in flow style with keys in it ({@code {a:
 * ...}}) is not written into: that is refused rather than re-rendered.
 */
final class EntrySplicer {

  static final String HEADER =
      "# Written by promotion-operator: the latest promotion of each group into each environment.";

  private final String text;
  private final String newline;

  EntrySplicer(String text) {
    this.text = text;
    int lf = text.indexOf('\n');
    this.newline = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
  }

  /** The line ending of the text (CRLF when its first line ends so), for the lines written. */
  String newline() {
    return newline;
  }

  String write(StateLayout layout, String environment, StateEntry entry) {
    List<String> lines = EntryRenderer.render(entry);
    if (layout.form() == StateLayout.Form.EMPTY) {
      List<String> file =
          EntryRenderer.underKey(
              "environments",
              EntryRenderer.underKey(environment, EntryRenderer.underKey(entry.group(), lines)));
      if (text.isBlank()) {
        return HEADER + newline + join(file, 0, true) + newline;
      }
      return text + (text.endsWith("\n") ? "" : newline) + join(file, 0, true) + newline;
    }
    if (layout.environments() == null) {
      return add(
          layout.root(),
          "the top level",
          EntryRenderer.underKey(
              "environments",
              EntryRenderer.underKey(environment, EntryRenderer.underKey(entry.group(), lines))));
    }
    StateLayout.EnvironmentSite site = layout.environmentsByName().get(environment);
    if (site == null) {
      return add(
          layout.environments(),
          "environments",
          EntryRenderer.underKey(environment, EntryRenderer.underKey(entry.group(), lines)));
    }
    EntrySite old = site.groups().get(entry.group());
    if (old == null) {
      return add(
          site.mapping(),
          "environments." + environment,
          EntryRenderer.underKey(entry.group(), lines));
    }
    return replace(old, lines);
  }

  private String replace(EntrySite old, List<String> lines) {
    TextRegion value = old.value();
    int end = pastTrailingComment(value.end());
    if (startsItsLine(value.start())) {
      return splice(value.start(), end, join(lines, value.column(), false));
    }
    return splice(
        trimSpacesBefore(value.start()), end, newline + join(lines, old.keyColumn() + 2, true));
  }

  private String add(MappingSite mapping, String path, List<String> lines) {
    TextRegion value = mapping.value();
    switch (mapping.shape()) {
      case BLOCK -> {
        int at = pastTrailingComment(value.end());
        return splice(at, at, newline + join(lines, mapping.keysColumn(), true));
      }
      case EMPTY -> {
        if (startsItsLine(value.start())) {
          return splice(value.start(), value.end(), join(lines, value.column(), false));
        }
        int lineEnd = pastTrailingComment(value.end());
        String comment = text.substring(value.end(), lineEnd);
        return splice(
            trimSpacesBefore(value.start()),
            lineEnd,
            comment + newline + join(lines, mapping.keysColumn(), true));
      }
      default ->
          throw new StateFormatException(
              value.position()
                  + ": "
                  + path
                  + " is written in flow style ({...}); write it in block style so that an entry can be added to it");
    }
  }

  private String splice(int start, int end, String replacement) {
    return new StringBuilder(text.length() - (end - start) + replacement.length())
        .append(text, 0, start)
        .append(replacement)
        .append(text, end, text.length())
        .toString();
  }

  private String join(List<String> lines, int column, boolean indentFirst) {
    String indent = " ".repeat(column);
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(out.isEmpty() && !indentFirst ? line : indent + line);
    }
    return String.join(newline, out);
  }

  /**
   * The end of the line when only blanks and a comment follow {@code index} on it, else the index.
   */
  private int pastTrailingComment(int index) {
    int i = index;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '#') {
      while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
    }
    return i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' ? i : index;
  }

  private boolean startsItsLine(int index) {
    return trimSpacesBefore(index) == 0 || isLineBreak(text.charAt(trimSpacesBefore(index) - 1));
  }

  private int trimSpacesBefore(int index) {
    int i = index;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
