package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A Helm values file as read (immutable): the scalars at given dotted key paths ({@code image.tag},
 * {@code worker.image.tag}), each as the string the file holds, and the means to replace them
 * without touching any other byte. A path is looked up in the first document that has it; a path
 * whose keys are not all there is absent (never invented). A value at a path that is a mapping or a
 * list, a duplicate key or a merge key on the way makes the file unreadable.
 */
public final class ValuesPaths {
  private final String text;
  private final Map<String, TagSite> sites;
  private final Map<String, String> values;

  private ValuesPaths(String text, Map<String, TagSite> sites, Map<String, String> values) {
    this.text = text;
    this.sites = sites;
    this.values = values;
  }

  /** Reads the scalars at the paths; a path the file lacks is left out. */
  public static ValuesPaths parse(String text, Collection<String> paths)
      throws OverlayFormatException {
    Objects.requireNonNull(text, "text");
    List<MappingNode> roots = YamlDocuments.roots(text);
    Map<String, TagSite> sites = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (String path : paths) {
      for (MappingNode root : roots) {
        String[] shared = new String[1];
        Optional<NodeTuple> pair = find(root, path, shared);
        if (pair.isPresent()) {
          if (!(pair.get().getValueNode() instanceof ScalarNode)) {
            throw new OverlayFormatException(
                SourcePosition.of(pair.get().getKeyNode())
                    + ": "
                    + path
                    + " is a mapping or a list, not a string");
          }
          values.put(path, YamlDocuments.string(pair.get().getValueNode()));
          sites.put(path, TagSite.of(path, path, true, pair.get(), shared[0], text));
          break;
        }
      }
    }
    return new ValuesPaths(text, sites, values);
  }

  public boolean has(String path) {
    return sites.containsKey(path);
  }

  /** The string at the path; empty when the file lacks the path or holds YAML null there. */
  public Optional<String> value(String path) {
    return Optional.ofNullable(values.get(path));
  }

  /**
   * The text with the value at each path replaced in its quoting style; every other byte unchanged.
   * Refused, editing nothing: a path the file lacks, a value that cannot be edited safely.
   */
  public String with(Map<String, String> newValues) throws OverlayFormatException {
    List<TagEditor.TagEdit> edits = new ArrayList<>();
    for (Map.Entry<String, String> wanted : new TreeMap<>(newValues).entrySet()) {
      TagSite site = sites.get(wanted.getKey());
      if (site == null) {
        throw new OverlayFormatException(
            "no value at " + wanted.getKey() + " in this file; add one by hand");
      }
      if (!wanted.getValue().equals(values.get(wanted.getKey()))) {
        edits.add(new TagEditor.TagEdit(site, wanted.getValue()));
      }
    }
    return TagEditor.apply(text, edits);
  }

  /**
   * @param shared set to why the value's text is shared when a mapping on the way is anchored
   */
  private static Optional<NodeTuple> find(MappingNode root, String path, String[] shared)
      throws OverlayFormatException {
    String[] keys = path.split("\\.");
    MappingNode mapping = root;
    String walked = "";
    for (int i = 0; i < keys.length; i++) {
      Optional<NodeTuple> pair =
          MappingKeys.of(mapping, walked.isEmpty() ? "the document root" : walked).get(keys[i]);
      walked = walked.isEmpty() ? keys[i] : walked + "." + keys[i];
      if (pair.isEmpty() || i == keys.length - 1) {
        return pair;
      }
      Node value = pair.get().getValueNode();
      if (!(value instanceof MappingNode next)) {
        return Optional.empty();
      }
      if (next.getAnchor().isPresent()) {
        shared[0] = walked + " has an anchor or is an alias, so the same text is used elsewhere";
      }
      mapping = next;
    }
    return Optional.empty();
  }
}
