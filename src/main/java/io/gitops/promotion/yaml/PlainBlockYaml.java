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

  private final List<PlainYamlLines.Line> lines;
  private int next;

  private PlainBlockYaml(List<PlainYamlLines.Line> lines) {
    this.lines = lines;
  }

  /**
   * The document's root, or empty when the text is not in the subset. A text with no content is an
   * empty mapping.
   */
  static Optional<Mapping> read(String text) {
    try {
      PlainBlockYaml reader = new PlainBlockYaml(PlainYamlLines.of(text));
      if (reader.lines.isEmpty()) {
        return Optional.of(new Mapping(Map.of(), 0, 0));
      }
      PlainYamlLines.Line first = reader.lines.get(0);
      if (first.dash || first.key == null) {
        return Optional.empty(); // the root is a sequence or a scalar
      }
      Mapping root = reader.mapping(first.indent, 1);
      return reader.next == reader.lines.size() ? Optional.of(root) : Optional.empty();
    } catch (NotPlainYaml e) {
      return Optional.empty();
    }
  }

  /** A block mapping whose keys sit at {@code column}, starting at the current line. */
  private Mapping mapping(int column, int depth) throws NotPlainYaml {
    checkDepth(depth);
    PlainYamlLines.Line first = lines.get(next);
    Map<String, Pair> pairs = new LinkedHashMap<>();
    while (next < lines.size()) {
      PlainYamlLines.Line line = lines.get(next);
      if (line != first && line.indent < column) {
        break;
      }
      if (line != first && (line.dash || line.indent != column) || line.key == null) {
        throw NotPlainYaml.INSTANCE;
      }
      next++;
      Node value = line.value;
      if (value == null) {
        value = nested(column, depth, line);
      } else {
        expectNoDeeperLine(column);
      }
      if (pairs.put(line.key, new Pair(line.number, line.contentColumn, value)) != null) {
        throw NotPlainYaml.INSTANCE;
      }
    }
    return new Mapping(pairs, first.number, first.contentColumn);
  }

  /** The block after {@code key:}: a mapping or sequence on the next lines, or null. */
  private Node nested(int column, int depth, PlainYamlLines.Line keyLine) throws NotPlainYaml {
    if (next == lines.size()) {
      return emptyAfter(keyLine);
    }
    PlainYamlLines.Line line = lines.get(next);
    if (line.dash && line.indent >= column) {
      return sequence(line.indent, depth + 1);
    }
    if (line.indent > column) {
      if (line.key == null) {
        throw NotPlainYaml.INSTANCE;
      }
      return mapping(line.indent, depth + 1);
    }
    return emptyAfter(keyLine);
  }

  /** The empty value of {@code key:} with nothing after it: null, right after the colon. */
  private Scalar emptyAfter(PlainYamlLines.Line keyLine) {
    int afterColon = keyLine.start + keyLine.contentColumn + keyLine.key.length() + 1;
    return new Scalar("", ScalarStyle.PLAIN, afterColon, afterColon, true);
  }

  /** A block sequence whose dashes sit at {@code indent}, starting at the current line. */
  private Sequence sequence(int indent, int depth) throws NotPlainYaml {
    checkDepth(depth);
    List<Node> items = new ArrayList<>();
    while (next < lines.size()) {
      PlainYamlLines.Line line = lines.get(next);
      if (line.indent < indent || !line.dash && line.indent == indent) {
        break;
      }
      if (!line.dash || line.indent != indent) {
        throw NotPlainYaml.INSTANCE;
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
  private void expectNoDeeperLine(int column) throws NotPlainYaml {
    if (next < lines.size() && lines.get(next).indent > column) {
      throw NotPlainYaml.INSTANCE;
    }
  }

  private static void checkDepth(int depth) throws NotPlainYaml {
    if (depth > NestingLimit.MAX_DEPTH) {
      throw NotPlainYaml.INSTANCE;
    }
  }
}
