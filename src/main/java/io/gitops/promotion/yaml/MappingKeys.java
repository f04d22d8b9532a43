package io.gitops.promotion.yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The entries of one mapping the reader walks through (the root, an application, an image), looked
 * up by scalar key. A duplicate key or a merge key ({@code <<}) makes the mapping unreadable: which
 * value wins differs between YAML libraries (Helm's go-yaml rejects duplicates), and a merged-in
 * {@code image} or {@code tag} lives in text shared with other mappings.
 */
final class MappingKeys {

  private final Map<String, NodeTuple> tuples;

  private MappingKeys(Map<String, NodeTuple> tuples) {
    this.tuples = tuples;
  }

  /**
   * Indexes the mapping's scalar keys.
   *
   * @param where what the mapping is, for messages, e.g. {@code "image of application 'web'"}
   */
  static MappingKeys of(MappingNode mapping, String where) throws OverlayFormatException {
    rejectMergedTuples(mapping, where);
    Map<String, NodeTuple> tuples = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        continue;
      }
      NodeTuple earlier = tuples.putIfAbsent(key.getValue(), tuple);
      if (earlier != null) {
        throw new OverlayFormatException(
            SourcePosition.of(key)
                + ": key '"
                + key.getValue()
                + "' appears twice in "
                + where
                + " (first at "
                + SourcePosition.of(earlier.getKeyNode())
                + ")");
      }
    }
    return new MappingKeys(tuples);
  }

  Optional<NodeTuple> get(String key) {
    return Optional.ofNullable(tuples.get(key));
  }

  /**
   * snakeyaml-engine's composer replaces a merge key by the tuples it merges, marks and all, and
   * leaves no flag behind. Such tuples give themselves away by sitting earlier in the text than the
   * tuple before them.
   */
  private static void rejectMergedTuples(MappingNode mapping, String where)
      throws OverlayFormatException {
    int previousEnd = start(mapping);
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      Node value = tuple.getValueNode();
      if (start(key) < previousEnd) {
        throw new OverlayFormatException(
            SourcePosition.of(mapping)
                + ": "
                + where
                + " takes keys from a merge key (<<), which is not supported; write the keys out");
      }
      // An alias value carries the marks of its anchor, earlier in the text.
      previousEnd = start(value) >= end(key) ? Math.max(end(key), end(value)) : end(key);
    }
  }

  private static int start(Node node) {
    return node.getStartMark().orElseThrow().getIndex();
  }

  private static int end(Node node) {
    return node.getEndMark().orElseThrow().getIndex();
  }
}
