package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * Reads the plain subset of YAML that overlays are written in, line by line, into a small tree: one
 * document of block mappings and block sequences, one {@code key: value} or {@code - item} a line,
 * single-line scalars (plain, single- or double-quoted without escapes), {@code []} and {@code {}},
 * comments, blank lines. It gives up ({@link Optional#empty()}) on everything else and on anything
 * it is not sure a YAML parser reads the same way: anchors, aliases, tags, block scalars, flow
 * collections with content, scalars over several lines, escapes, tabs, control characters, a byte
 * order mark, a second document, keys that are not plain words, a duplicate key, an indentation it
 * does not expect. The caller then reads the text with snakeyaml-engine, which also explains what
 * is wrong with a file that is not valid.
 *
 * <p>Positions are those snakeyaml-engine gives: lines and columns from 0, {@code start}/{@code
 * end} indexes into the text, a quoted scalar's including its quotes, an empty value's right after
 * the colon of its key.
 */
final class PlainBlockYaml {

  /** A node of the tree. */
  sealed interface Node permits Scalar, Mapping, Sequence {}

  /**
   * @param isNull a plain empty, {@code ~}, {@code null}, {@code Null} or {@code NULL}
   */
  record Scalar(String value, ScalarStyle style, int start, int end, boolean isNull)
      implements Node {}

  /**
   * @param line line of the first key (from 0), for an entry's position
   * @param column column of the first key (from 0)
   */
  record Mapping(Map<String, Pair> pairs, int line, int column) implements Node {}

  record Sequence(List<Node> items) implements Node {}

  /** A key, where it is, and its value. */
  record Pair(int line, int column, Node value) {}

  /** Thrown inside the reader to give up; never leaves this class. */
  private static final class NotPlain extends Exception {
    private static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private final List<Line> lines = new ArrayList<>();
  private int next;

  private PlainBlockYaml(String text) {
    this.text = text;
  }

  /**
   * The document's root, or empty when the text is not in the subset. A text with no content is an
   * empty mapping.
   */
  static Optional<Mapping> read(String text) {
    PlainBlockYaml reader = new PlainBlockYaml(text);
    try {
      reader.split();
      if (reader.lines.isEmpty()) {
        return Optional.of(new Mapping(Map.of(), 0, 0));
      }
      Line first = reader.lines.get(0);
      if (first.dash || first.key == null) {
        return Optional.empty(); // the root is a sequence or a scalar
      }
      Mapping root = reader.mapping(first.indent, 1);
      return reader.next == reader.lines.size() ? Optional.of(root) : Optional.empty();
    } catch (NotPlain e) {
      return Optional.empty();
    }
  }

  /** One line with content: an optional {@code - }, then {@code key:} with a value or a scalar. */
  private static final class Line {
    int number;
    int start;
    int indent;
    boolean dash;
    int contentColumn;
    String key;
    Node value; // null: nothing after "key:" (a nested block or null follows)
  }

  private void split() throws NotPlain {
    int length = text.length();
    if (length > 0 && text.charAt(0) == '\uFEFF') {
      throw NotPlain.INSTANCE;
    }
    boolean documentStarted = false;
    int lineNumber = 0;
    for (int start = 0; start < length; lineNumber++) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? length : newline;
      int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      Line line = line(start, contentEnd, lineNumber);
      if (line == DOCUMENT_START) {
        if (documentStarted || !lines.isEmpty()) {
          throw NotPlain.INSTANCE;
        }
        documentStarted = true;
      } else if (line != null) {
        lines.add(line);
      }
      start = newline < 0 ? length : newline + 1;
    }
  }

  private static final Line DOCUMENT_START = new Line();

  /** The line's content, null for a blank or comment line. */
  private Line line(int start, int end, int number) throws NotPlain {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' || c >= 0x7F && !printable(c)) {
        throw NotPlain.INSTANCE;
      }
    }
    int i = start;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    if (i == end || text.charAt(i) == '#') {
      return null;
    }
    if (text.charAt(i) == '\t') {
      throw NotPlain.INSTANCE;
    }
    if (i == start && text.startsWith("---", i)) {
      if (rest(i + 3, end) == end) {
        return DOCUMENT_START;
      }
      throw NotPlain.INSTANCE;
    }
    if (i == start && (text.startsWith("...", i) || text.charAt(i) == '%')) {
      throw NotPlain.INSTANCE;
    }
    Line line = new Line();
    line.number = number;
    line.start = start;
    line.indent = i - start;
    if (text.charAt(i) == '-' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
      line.dash = true;
      i++;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      if (i == end || text.charAt(i) == '#' || text.charAt(i) == '-') {
        throw NotPlain.INSTANCE; // an item on the next lines, or a sequence in a sequence
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
        throw NotPlain.INSTANCE;
      }
    } else {
      throw NotPlain.INSTANCE; // a scalar on a line of its own: a continuation, or not a mapping
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
    while (j < end && keyChar(text.charAt(j), j == i)) {
      j++;
    }
    if (j > i && j < end && text.charAt(j) == ':' && (j + 1 == end || text.charAt(j + 1) == ' ')) {
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
  private int rest(int i, int end) throws NotPlain {
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    if (i < end && text.charAt(i) == '#' && text.charAt(i - 1) == ' ') {
      return end;
    }
    if (i < end) {
      if (text.charAt(i) == '\t') {
        throw NotPlain.INSTANCE;
      }
    }
    return i;
  }

  /** The value written after a key's colon (or a dash), from {@code i}: null when there is none. */
  private Node value(int i, int end) throws NotPlain {
    int at = rest(i, end);
    if (at == end) {
      return null;
    }
    char c = text.charAt(at);
    int close;
    Node node;
    switch (c) {
      case '"' -> {
        close = text.indexOf('"', at + 1);
        if (close < 0 || close >= end || hasBackslash(at + 1, close)) {
          throw NotPlain.INSTANCE; // an escape, or closed on another line
        }
        node =
            new Scalar(
                text.substring(at + 1, close), ScalarStyle.DOUBLE_QUOTED, at, close + 1, false);
      }
      case '\'' -> {
        close = at + 1;
        StringBuilder value = new StringBuilder();
        while (true) {
          int quote = text.indexOf('\'', close);
          if (quote < 0 || quote >= end) {
            throw NotPlain.INSTANCE;
          }
          value.append(text, close, quote);
          if (quote + 1 < end && text.charAt(quote + 1) == '\'') {
            value.append('\'');
            close = quote + 2;
          } else {
            close = quote;
            break;
          }
        }
        node = new Scalar(value.toString(), ScalarStyle.SINGLE_QUOTED, at, close + 1, false);
      }
      case '[', '{' -> {
        close = at + 1;
        if (close >= end || text.charAt(close) != (c == '[' ? ']' : '}')) {
          throw NotPlain.INSTANCE;
        }
        node = c == '[' ? new Sequence(List.of()) : new Mapping(Map.of(), 0, 0);
      }
      default -> {
        return plain(at, end);
      }
    }
    int after = close + 1;
    if (after < end && text.charAt(after) != ' ') {
      throw NotPlain.INSTANCE;
    }
    if (rest(after, end) != end) {
      throw NotPlain.INSTANCE;
    }
    return node;
  }

  private boolean hasBackslash(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\\') {
        return true;
      }
    }
    return false;
  }

  private Scalar plain(int at, int end) throws NotPlain {
    char first = text.charAt(at);
    boolean negative = first == '-' && at + 1 < end && text.charAt(at + 1) != ' ';
    if (!negative && "-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
      throw NotPlain.INSTANCE; // an indicator: not a plain scalar
    }
    int last = at;
    int i = at;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '\t') {
        throw NotPlain.INSTANCE;
      }
      if (c == ' ') {
        if (i + 1 < end && text.charAt(i + 1) == '#') {
          break;
        }
      } else if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
        throw NotPlain.INSTANCE; // a mapping where a scalar is expected
      } else {
        last = i + 1;
      }
      i++;
    }
    String value = text.substring(at, last);
    return new Scalar(value, ScalarStyle.PLAIN, at, last, isNullWord(value));
  }

  private static boolean isNullWord(String value) {
    return value.equals("~")
        || value.equals("null")
        || value.equals("Null")
        || value.equals("NULL");
  }

  /** A block mapping whose keys sit at {@code indent}, starting at the current line. */
  private Mapping mapping(int column, int depth) throws NotPlain {
    checkDepth(depth);
    Line first = lines.get(next);
    Map<String, Pair> pairs = new LinkedHashMap<>();
    while (next < lines.size()) {
      Line line = lines.get(next);
      if (line != first && line.indent < column) {
        break;
      }
      if (line != first && (line.dash || line.indent != column) || line.key == null) {
        throw NotPlain.INSTANCE;
      }
      next++;
      Node value = line.value != null ? line.value : nested(column, depth, line);
      if (line.value != null) {
        expectNoDeeperLine(column);
      }
      if (pairs.put(line.key, new Pair(line.number, line.contentColumn, value)) != null) {
        throw NotPlain.INSTANCE;
      }
    }
    return new Mapping(pairs, first.number, first.contentColumn);
  }

  /** The block after {@code key:}: a mapping or sequence on the next lines, or null. */
  private Node nested(int column, int depth, Line keyLine) throws NotPlain {
    if (next == lines.size()) {
      return emptyAfter(keyLine);
    }
    Line line = lines.get(next);
    if (line.dash && line.indent >= column) {
      return sequence(line.indent, depth + 1);
    }
    if (line.indent > column) {
      if (line.key == null) {
        throw NotPlain.INSTANCE;
      }
      return mapping(line.indent, depth + 1);
    }
    return emptyAfter(keyLine);
  }

  /** The empty value of {@code key:} with nothing after it: null, right after the colon. */
  private Scalar emptyAfter(Line keyLine) {
    int afterColon = keyLine.start + keyLine.contentColumn + keyLine.key.length() + 1;
    return new Scalar("", ScalarStyle.PLAIN, afterColon, afterColon, true);
  }

  /** A block sequence whose dashes sit at {@code indent}, starting at the current line. */
  private Sequence sequence(int indent, int depth) throws NotPlain {
    checkDepth(depth);
    List<Node> items = new ArrayList<>();
    while (next < lines.size()) {
      Line line = lines.get(next);
      if (line.indent < indent || !line.dash && line.indent == indent) {
        break;
      }
      if (!line.dash || line.indent != indent) {
        throw NotPlain.INSTANCE;
      }
      if (line.key != null) {
        items.add(mapping(line.contentColumn, depth + 1));
      } else {
        next++;
        items.add(line.value);
        expectNoDeeperLine(indent);
      }
    }
    return new Sequence(items);
  }

  /** After a complete value, a line indented deeper would continue it: not in the subset. */
  private void expectNoDeeperLine(int column) throws NotPlain {
    if (next < lines.size() && lines.get(next).indent > column) {
      throw NotPlain.INSTANCE;
    }
  }

  private static void checkDepth(int depth) throws NotPlain {
    if (depth > NestingLimit.MAX_DEPTH) {
      throw NotPlain.INSTANCE;
    }
  }
}
