package io.gitops.promotion.yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The entries of one mapping the reader walks through (the root, an application, an image), looked
 * up by scalar key. A duplicate key or a merge key ({@code <<}) makes the mapping unreadable: which
 * value wins differs between YAML libraries (Helm's go-yaml rejects duplicates), and a merged-in
 * {@code name}, {@code image} or {@code tag} would be invisible to a byte-level edit.
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
    Map<String, NodeTuple> tuples = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        continue;
      }
      if (key.getTag().equals(Tag.MERGE)) {
        throw new OverlayFormatException(
            SourcePosition.of(key) + ": merge key (<<) in " + where
                + " is not supported; write the keys out");
      }
      NodeTuple earlier = tuples.putIfAbsent(key.getValue(), tuple);
      if (earlier != null) {
        throw new OverlayFormatException(
            SourcePosition.of(key) + ": key '" + key.getValue() + "' appears twice in " + where
                + " (first at " + SourcePosition.of(earlier.getKeyNode()) + ")");
      }
    }
    return new MappingKeys(tuples);
  }

  Optional<NodeTuple> get(String key) {
    return Optional.ofNullable(tuples.get(key));
  }

  boolean contains(String key) {
    return tuples.containsKey(key);
  }
}
