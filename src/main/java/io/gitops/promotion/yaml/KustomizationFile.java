package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A kustomize {@code kustomization.yaml} as read (immutable): its {@code images[]} entries, matched
 * by {@code name}, and the means to change their {@code newTag}, {@code digest} and {@code newName}
 * without touching any other byte. The same rules as {@link OverlayFile}: duplicate names,
 * duplicate keys, merge keys and values that are mappings make the file unreadable; aliases,
 * anchors, block scalars and explicit tags are refused only when they must change. A key the target
 * lacks is added right after the entry's {@code name}: on its own line with the same indentation in
 * block style, after a comma in flow style ({@code - {name: web, newTag: 1.5.0}}).
 */
public final class KustomizationFile {
  /** The keys of an image entry this class reads and writes, in the order it adds them. */
  public static final List<String> FIELDS = List.of("newName", "newTag", "digest");

  /**
   * One {@code images[]} entry; a field is null when the entry does not have it (or it is YAML
   * null).
   */
  public record Image(String name, String newName, String newTag, String digest) {
    public Image {
      Objects.requireNonNull(name, "name");
    }

    String field(String key) {
      return switch (key) {
        case "newName" -> newName;
        case "newTag" -> newTag;
        case "digest" -> digest;
        default -> throw new IllegalArgumentException(key);
      };
    }
  }

  private record Entry(
      Image image,
      SourcePosition position,
      Map<String, TagSite> sites,
      int insertAt,
      String insertPrefix,
      String sharedBy) {}

  private final String text;
  private final Map<String, Entry> entries;
  private final List<String> warnings;

  private KustomizationFile(String text, Map<String, Entry> entries, List<String> warnings) {
    this.text = text;
    this.entries = entries;
    this.warnings = List.copyOf(warnings);
  }

  public static KustomizationFile parse(String text) throws OverlayFormatException {
    Objects.requireNonNull(text, "text");
    NodeTuple images = null;
    List<String> warnings = new ArrayList<>();
    for (MappingNode root : YamlDocuments.roots(text)) {
      Optional<NodeTuple> found = MappingKeys.of(root, "the document root").get("images");
      if (found.isPresent() && images == null) {
        images = found.get();
      } else if (found.isPresent()) {
        warnings.add(
            SourcePosition.of(found.get().getKeyNode())
                + ": a later YAML document has an images"
                + " list too; it is ignored, only the list at "
                + SourcePosition.of(images.getKeyNode())
                + " is read");
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (images == null
        || YamlDocuments.string(images.getValueNode()) == null
            && images.getValueNode() instanceof ScalarNode) {
      return new KustomizationFile(text, entries, warnings);
    }
    if (!(images.getValueNode() instanceof SequenceNode sequence)) {
      throw new OverlayFormatException(
          SourcePosition.of(images.getValueNode()) + ": images is not a list (- name: ...)");
    }
    String sequenceShared =
        sequence.getAnchor().isPresent()
            ? "the images list has an anchor or is an alias, so the same text is used elsewhere"
            : null;
    int index = 0;
    for (Node item : sequence.getValue()) {
      Entry entry = entry(text, item, index++, sequenceShared);
      Entry earlier = entries.putIfAbsent(entry.image().name(), entry);
      if (earlier != null) {
        throw new OverlayFormatException(
            entry.position()
                + ": image '"
                + entry.image().name()
                + "' appears twice (first at "
                + earlier.position()
                + "); images are matched by name,"
                + " so names must be unique");
      }
    }
    return new KustomizationFile(text, entries, warnings);
  }

  /** What reading found worth telling: a later document's images list, which is ignored. */
  public List<String> warnings() {
    return warnings;
  }

  /** The images in file order. */
  public List<Image> images() {
    return entries.values().stream().map(Entry::image).toList();
  }

  public Optional<Image> image(String name) {
    return Optional.ofNullable(entries.get(name)).map(Entry::image);
  }

  /**
   * The text with, for each named image, every non-null field of the wanted image written: replaced
   * in place in its quoting style when the entry has the key, added after {@code name} when it has
   * not. A field already holding the wanted value stays as written. When anything is refused (an
   * unknown image, a value that cannot be edited safely), nothing is edited.
   *
   * @param wanted the new fields per image name; the {@code name} of each value is ignored
   */
  public String withImages(Map<String, Image> wanted) throws OverlayFormatException {
    List<TagEditor.TagEdit> edits = new ArrayList<>();
    List<TagEditor.Insertion> insertions = new ArrayList<>();
    for (Map.Entry<String, Image> want : new TreeMap<>(wanted).entrySet()) {
      Entry entry = entries.get(want.getKey());
      if (entry == null) {
        throw new OverlayFormatException(
            "no image named '" + want.getKey() + "' in this kustomization");
      }
      StringBuilder added = new StringBuilder();
      for (String key : FIELDS) {
        String value = want.getValue().field(key);
        if (value == null || value.equals(entry.image().field(key))) {
          continue;
        }
        TagSite site = entry.sites().get(key);
        if (site != null) {
          edits.add(new TagEditor.TagEdit(site, value));
        } else {
          if (entry.sharedBy() != null) {
            throw new OverlayFormatException(
                entry.position()
                    + ": cannot add "
                    + key
                    + " to image '"
                    + want.getKey()
                    + "': "
                    + entry.sharedBy());
          }
          added
              .append(entry.insertPrefix())
              .append(key)
              .append(": ")
              .append(TagScalarWriter.write(ScalarStyle.PLAIN, value, want.getKey(), true));
        }
      }
      if (!added.isEmpty()) {
        insertions.add(new TagEditor.Insertion(entry.insertAt(), added.toString()));
      }
    }
    return TagEditor.apply(text, edits, insertions);
  }

  private static Entry entry(String text, Node item, int index, String sequenceShared)
      throws OverlayFormatException {
    SourcePosition position = SourcePosition.of(item);
    if (!(item instanceof MappingNode mapping)) {
      throw new OverlayFormatException(
          position + ": images[" + index + "] is not a mapping with a name");
    }
    MappingKeys keys = MappingKeys.of(mapping, "images[" + index + "]");
    NodeTuple namePair = keys.get("name").orElse(null);
    String name = namePair == null ? null : YamlDocuments.string(namePair.getValueNode());
    if (name == null || name.isBlank()) {
      throw new OverlayFormatException(
          position + ": images[" + index + "] has no name; images are matched by name");
    }
    String sharedBy =
        sequenceShared != null
            ? sequenceShared
            : mapping.getAnchor().isPresent()
                ? "the image entry has an anchor or is an alias, so the same text is used elsewhere"
                : null;
    Map<String, TagSite> sites = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : FIELDS) {
      Optional<NodeTuple> pair = keys.get(key);
      if (pair.isEmpty()) {
        continue;
      }
      if (!(pair.get().getValueNode() instanceof ScalarNode)) {
        throw new OverlayFormatException(
            SourcePosition.of(pair.get().getKeyNode())
                + ": "
                + key
                + " of image '"
                + name
                + "' is not a string");
      }
      values.put(key, YamlDocuments.string(pair.get().getValueNode()));
      sites.put(key, TagSite.of(name, key, true, pair.get(), sharedBy, text));
    }
    Image image =
        new Image(name, values.get("newName"), values.get("newTag"), values.get("digest"));
    int nameEnd = charIndex(text, namePair.getValueNode().getEndMark().orElseThrow().getIndex());
    if (mapping.getFlowStyle() == FlowStyle.FLOW) {
      return new Entry(image, position, sites, nameEnd, ", ", sharedBy);
    }
    int lineEnd = nameEnd;
    while (lineEnd < text.length()
        && text.charAt(lineEnd) != '\n'
        && text.charAt(lineEnd) != '\r') {
      lineEnd++;
    }
    String indent = " ".repeat(namePair.getKeyNode().getStartMark().orElseThrow().getColumn());
    return new Entry(image, position, sites, lineEnd, lineBreak(text, lineEnd) + indent, sharedBy);
  }

  /** The line break at an index, or the file's first one at its end, or LF. */
  private static String lineBreak(String text, int at) {
    if (at < text.length()) {
      return text.startsWith("\r\n", at) ? "\r\n" : text.substring(at, at + 1);
    }
    int first = text.indexOf('\n');
    return first > 0 && text.charAt(first - 1) == '\r' ? "\r\n" : "\n";
  }

  private static int charIndex(String text, int codePointIndex) {
    return text.offsetByCodePoints(0, codePointIndex);
  }
}
