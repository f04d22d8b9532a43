package io.gitops.promotion.yaml;

import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one item of {@code applications[]}: {@code name}, {@code image.tag} and {@code
 * gitlabProjectId}. Every other key of the item is left alone, whatever its shape.
 */
final class ApplicationEntryReader {

  /** What a {@code gitlabProjectId} must be: a whole number that fits a long. */
  static final Pattern PROJECT_ID = Pattern.compile("[0-9]{1,18}");

  private static final String SHARED =
      "the %s has an anchor or is an alias, so the same text is used elsewhere in the file";

  private final String text;

  ApplicationEntryReader(String text) {
    this.text = text;
  }

  /**
   * @param index the item's position in the list, for messages only
   * @param sharedBy non-null when the {@code applications} sequence itself is anchored or aliased
   */
  ApplicationEntry read(Node item, int index, String sharedBy) throws OverlayFormatException {
    SourcePosition position = SourcePosition.of(item);
    if (!(item instanceof MappingNode mapping)) {
      throw new OverlayFormatException(
          position + ": applications[" + index + "] is not a mapping with a name and an image");
    }
    MappingKeys keys = MappingKeys.of(mapping, "applications[" + index + "]" + nameHint(mapping));
    String name = name(keys, index, position);
    String where = "application '" + name + "'";
    Long projectId = projectId(keys, where);
    Optional<NodeTuple> tagPair = tagPair(keys, where);
    if (tagPair.isEmpty()) {
      return new ApplicationEntry(new OverlayApplication(name, null, projectId), position, null);
    }
    NodeTuple pair = tagPair.get();
    String tag = stringOrNull((ScalarNode) pair.getValueNode());
    Node image = keys.get("image").orElseThrow().getValueNode();
    String shared = sharedBy(sharedBy, mapping, image);
    TagSite site = TagSite.of(name, pair, shared, text);
    Optional<NodeTuple> digestPair =
        MappingKeys.of((MappingNode) image, "image of " + where)
            .get("digest")
            .filter(p -> p.getValueNode() instanceof ScalarNode);
    if (digestPair.isEmpty()) {
      return new ApplicationEntry(new OverlayApplication(name, tag, projectId), position, site);
    }
    return new ApplicationEntry(
        new OverlayApplication(name, tag, projectId),
        position,
        site,
        stringOrNull((ScalarNode) digestPair.get().getValueNode()),
        TagSite.of(name, "image.digest", true, digestPair.get(), shared, text));
  }

  private static String sharedBy(String sequenceSharedBy, Node application, Node image) {
    if (sequenceSharedBy != null) {
      return sequenceSharedBy;
    }
    if (application.getAnchor().isPresent()) {
      return String.format(SHARED, "application entry");
    }
    return image.getAnchor().isPresent() ? String.format(SHARED, "image mapping") : null;
  }

  /** The entry's name for messages raised before its keys are checked, e.g. a duplicate key. */
  private static String nameHint(MappingNode mapping) {
    return mapping.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name"))
        .map(NodeTuple::getValueNode)
        .filter(ScalarNode.class::isInstance)
        .map(v -> " (application '" + ((ScalarNode) v).getValue() + "')")
        .findFirst()
        .orElse("");
  }

  private static String name(MappingKeys keys, int index, SourcePosition position)
      throws OverlayFormatException {
    Node value = keys.get("name").map(NodeTuple::getValueNode).orElse(null);
    if (!(value instanceof ScalarNode scalar)
        || stringOrNull(scalar) == null
        || scalar.getValue().isBlank()) {
      throw new OverlayFormatException(
          position + ": applications[" + index + "] has no name; entries are matched by name");
    }
    return scalar.getValue();
  }

  private static Long projectId(MappingKeys keys, String where) throws OverlayFormatException {
    Optional<Node> value = keys.get("gitlabProjectId").map(NodeTuple::getValueNode);
    if (value.isEmpty()) {
      return null;
    }
    if (value.get() instanceof ScalarNode scalar) {
      String digits = stringOrNull(scalar);
      if (digits == null) {
        return null;
      }
      if (PROJECT_ID.matcher(digits).matches()) {
        return Long.valueOf(digits);
      }
    }
    throw new OverlayFormatException(
        SourcePosition.of(value.get())
            + ": gitlabProjectId of "
            + where
            + " is not a whole number");
  }

  private static Optional<NodeTuple> tagPair(MappingKeys keys, String where)
      throws OverlayFormatException {
    Optional<Node> image = keys.get("image").map(NodeTuple::getValueNode);
    if (image.isEmpty() || isNull(image.get())) {
      return Optional.empty();
    }
    if (!(image.get() instanceof MappingNode imageMapping)) {
      throw new OverlayFormatException(
          SourcePosition.of(image.get())
              + ": image of "
              + where
              + " is not a mapping with repository and tag");
    }
    Optional<NodeTuple> pair = MappingKeys.of(imageMapping, "image of " + where).get("tag");
    if (pair.isPresent() && !(pair.get().getValueNode() instanceof ScalarNode)) {
      String kind = pair.get().getValueNode() instanceof MappingNode ? "a mapping" : "a sequence";
      throw new OverlayFormatException(
          SourcePosition.of(pair.get().getKeyNode())
              + ": image.tag of "
              + where
              + " is "
              + kind
              + ", not a string");
    }
    return pair;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && stringOrNull(scalar) == null;
  }

  /** The scalar's string value; {@code null} for YAML null ({@code ~}, {@code null}, empty). */
  private static String stringOrNull(ScalarNode scalar) {
    return scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
  }
}
