package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * The lines of a text in {@link PlainBlockYaml}'s subset, each read on its own: indentation, an
 * optional {@code - }, a plain key and what follows its colon, or a scalar item. Blank and comment
 * lines are left out; a leading {@code ---} is allowed once. Anything outside the subset throws
 * {@link NotPlainYaml}.
 */
final class PlainYamlLines {
  private final String text;

  /** The text's characters: indexing an array is cheaper than {@link String#charAt} without C2. */
  private final char[] chars;

  private final List<Line> lines = new ArrayList<>();

  /** What {@link #line} returns for a {@code ---} line. */
  private static final Line DOCUMENT_START = new Line();

  private PlainYamlLines(String text) {
    this.text = text;
    this.chars = text.toCharArray();
  }

  static List<Line> of(String text) throws NotPlainYaml {
    PlainYamlLines reader = new PlainYamlLines(text);
    reader.split();
    return reader.lines;
  }

  /** One line with content: an optional {@code - }, then {@code key:} with a value or a scalar. */
  static final class Line {
    int number;
    int start;
    int indent;
    boolean dash;
    int contentColumn;
    String key;
    PlainBlockYaml.Node value; // null: nothing after "key:" (a nested block or null follows)
  }

  private void split() throws NotPlainYaml {
    int length = text.length();
    if (length > 0 && chars[0] == '\uFEFF') {
      throw NotPlainYaml.INSTANCE;
    }
    boolean documentStarted = false;
    int lineNumber = 0;
    for (int start = 0; start < length; lineNumber++) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? length : newline;
      int contentEnd = end > start && chars[end - 1] == '\r' ? end - 1 : end;
      Line line = line(start, contentEnd, lineNumber);
      if (line == DOCUMENT_START) {
        if (documentStarted || !lines.isEmpty()) {
          throw NotPlainYaml.INSTANCE;
        }
        documentStarted = true;
      } else if (line != null) {
        lines.add(line);
      }
      start = newline < 0 ? length : newline + 1;
    }
  }

  /** The line's content, null for a blank or comment line. */
  private Line line(int start, int end, int number) throws NotPlainYaml {
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c < 0x20 && c != '\t' || c >= 0x7F && !printable(c)) {
        throw NotPlainYaml.INSTANCE;
      }
    }
    int i = start;
    while (i < end && chars[i] == ' ') {
      i++;
    }
    if (i == end || chars[i] == '#') {
      return null;
    }
    if (chars[i] == '\t') {
      throw NotPlainYaml.INSTANCE;
    }
    if (i == start && text.startsWith("---", i)) {
      if (rest(i + 3, end) == end) {
        return DOCUMENT_START;
      }
      throw NotPlainYaml.INSTANCE;
    }
    if (i == start && (text.startsWith("...", i) || chars[i] == '%')) {
      throw NotPlainYaml.INSTANCE;
    }
    Line line = new Line();
    line.number = number;
    line.start = start;
    line.indent = i - start;
    if (chars[i] == '-' && (i + 1 == end || chars[i + 1] == ' ')) {
      line.dash = true;
      i++;
      while (i < end && chars[i] == ' ') {
        i++;
      }
      if (i == end || chars[i] == '#' || chars[i] == '-') {
        throw NotPlainYaml.INSTANCE; // an item on the next lines, or a sequence in a sequence
      }
    }
    line.contentColumn = i - start;
    int keyEnd = keyEnd(i, end);
    if (keyEnd > i) {
      line.key = text.substring(i, keyEnd);
      line.value = value(keyEnd + 1, end);
    } else if (line.dash) {
      line.value = value(i, end);
      if (line.value == null) {
        throw NotPlainYaml.INSTANCE;
      }
    } else {
      // a scalar on a line of its own: a continuation, or not a mapping
      throw NotPlainYaml.INSTANCE;
    }
    return line;
  }

  /** Beyond ASCII: YAML's printable characters, less those some parsers take as line breaks. */
  private static boolean printable(char c) {
    return c >= 0xA0 && c != '\u2028' && c != '\u2029' && c != '\uFEFF' && c < '\uFFFE';
  }

  /** The index of the colon ending a plain key at {@code i}, or {@code i} when there is none. */
  private int keyEnd(int i, int end) {
    int j = i;
    while (j < end && keyChar(chars[j], j == i)) {
      j++;
    }
    if (j > i && j < end && chars[j] == ':' && (j + 1 == end || chars[j + 1] == ' ')) {
      return j;
    }
    return i;
  }

  private static boolean keyChar(char c, boolean first) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || !first && (c == '-' || c == '.' || c == '/');
  }

  /** The first index from {@code i} that is not a space, or {@code end} past a comment. */
  private int rest(int i, int end) throws NotPlainYaml {
    while (i < end && chars[i] == ' ') {
      i++;
    }
    if (i < end && chars[i] == '#' && chars[i - 1] == ' ') {
      return end;
    }
    if (i < end && chars[i] == '\t') {
      throw NotPlainYaml.INSTANCE;
    }
    return i;
  }

  /** The value written after a key's colon (or a dash), from {@code i}: null when there is none. */
  private PlainBlockYaml.Node value(int i, int end) throws NotPlainYaml {
    int at = rest(i, end);
    if (at == end) {
      return null;
    }
    char c = chars[at];
    int close;
    PlainBlockYaml.Node node;
    switch (c) {
      case '"' -> {
        close = text.indexOf('"', at + 1);
        if (close < 0 || close >= end || hasBackslash(at + 1, close)) {
          throw NotPlainYaml.INSTANCE; // an escape, or closed on another line
        }
        node =
            new PlainBlockYaml.Scalar(
                text.substring(at + 1, close), ScalarStyle.DOUBLE_QUOTED, at, close + 1, false);
      }
      case '\'' -> {
        close = at + 1;
        StringBuilder value = new StringBuilder();
        while (true) {
          int quote = text.indexOf('\'', close);
          if (quote < 0 || quote >= end) {
            throw NotPlainYaml.INSTANCE;
          }
          value.append(text, close, quote);
          if (quote + 1 < end && chars[quote + 1] == '\'') {
            value.append('\'');
            close = quote + 2;
          } else {
            close = quote;
            break;
          }
        }
        node =
            new PlainBlockYaml.Scalar(
                value.toString(), ScalarStyle.SINGLE_QUOTED, at, close + 1, false);
      }
      case '[', '{' -> {
        close = at + 1;
        if (close >= end || chars[close] != (c == '[' ? ']' : '}')) {
          throw NotPlainYaml.INSTANCE;
        }
        node =
            c == '['
                ? new PlainBlockYaml.Sequence(List.of())
                : new PlainBlockYaml.Mapping(Map.of(), 0, 0);
      }
      default -> {
        return plain(at, end);
      }
    }
    int after = close + 1;
    if (after < end && chars[after] != ' ') {
      throw NotPlainYaml.INSTANCE;
    }
    if (rest(after, end) != end) {
      throw NotPlainYaml.INSTANCE;
    }
    return node;
  }

  private boolean hasBackslash(int from, int to) {
    for (int i = from; i < to; i++) {
      if (chars[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  private PlainBlockYaml.Scalar plain(int at, int end) throws NotPlainYaml {
    char first = chars[at];
    boolean negative = first == '-' && at + 1 < end && chars[at + 1] != ' ';
    if (!negative && "-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
      throw NotPlainYaml.INSTANCE; // an indicator: not a plain scalar
    }
    int last = at;
    int i = at;
    while (i < end) {
      char c = chars[i];
      if (c == '\t') {
        throw NotPlainYaml.INSTANCE;
      }
      if (c == ' ') {
        if (i + 1 < end && chars[i + 1] == '#') {
          break;
        }
      } else if (c == ':' && (i + 1 == end || chars[i + 1] == ' ')) {
        throw NotPlainYaml.INSTANCE; // a mapping where a scalar is expected
      } else {
        last = i + 1;
      }
      i++;
    }
    String value = text.substring(at, last);
    return new PlainBlockYaml.Scalar(value, ScalarStyle.PLAIN, at, last, isNullWord(value));
  }

  private static boolean isNullWord(String value) {
    return value.equals("~")
        || value.equals("null")
        || value.equals("Null")
        || value.equals("NULL");
  }
}
