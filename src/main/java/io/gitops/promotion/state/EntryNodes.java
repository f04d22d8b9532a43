package io.gitops.promotion.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed access to the nodes of one entry, composed from the entry's own text: every scalar reads as
 * the string written in the file ({@code 1.10} stays {@code 1.10}, {@code 0x1F} stays {@code
 * 0x1F}), a plain null ({@code ~}, {@code null}, nothing) as null, as the overlays are read. A node
 * of the wrong kind is refused with a {@link StateFormatException} naming its path and its line in
 * the whole file.
 */
final class EntryNodes {

  private final int firstLine;

  /**
   * @param firstLine the line, counted from 0, of the file that the entry's text starts on
   */
  EntryNodes(int firstLine) {
    this.firstLine = firstLine;
  }

  /** The mapping's entries by key; an empty value reads as an empty mapping. */
  Map<String, Node> mapping(Node node, String path) {
    if (isNull(node)) {
      return Map.of();
    }
    if (!(node instanceof MappingNode mapping)) {
      throw refused(node, path, "a mapping");
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw refused(tuple.getKeyNode(), "a key of " + path, "a string");
      }
      if (fields.putIfAbsent(key.getValue(), tuple.getValueNode()) != null) {
        throw new StateFormatException(
            position(key) + ": " + path + " has the key '" + key.getValue() + "' twice");
      }
    }
    return fields;
  }

  /** The string written in the file; null for a missing node or a plain null. */
  String text(Node node, String path) {
    if (node == null || isNull(node)) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw refused(node, path, "a string");
    }
    return scalar.getValue();
  }

  Optional<SequenceNode> sequence(Node node, String path) {
    if (node == null || isNull(node)) {
      return Optional.empty();
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw refused(node, path, "a sequence (- id: ...)");
    }
    return Optional.of(sequence);
  }

  StateFormatException refused(Node node, String path, String expected) {
    return new StateFormatException(
        position(node) + ": " + path + " is " + kind(node) + ", expected " + expected);
  }

  StateFormatException invalid(Node node, String message) {
    return new StateFormatException(position(node) + ": " + message);
  }

  private String position(Node node) {
    return node.getStartMark()
        .map(m -> "line " + (firstLine + m.getLine() + 1) + ", column " + (m.getColumn() + 1))
        .orElse("line " + (firstLine + 1));
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    return node instanceof SequenceNode
        ? "a sequence"
        : "the scalar '" + ((ScalarNode) node).getValue() + "'";
  }
}
