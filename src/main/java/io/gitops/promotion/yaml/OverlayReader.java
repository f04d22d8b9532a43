package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the {@code applications[]} list of an overlay into entries that remember where each {@code
 * image.tag} value is in the text. Every document of the stream must have a mapping root (or be
 * empty); the list is read from the first document whose root has an {@code applications} key, and
 * a stream without one has no applications; a later document that has one too is ignored with a
 * warning. Mappings and sequences nested deeper than {@value NestingLimit#MAX_DEPTH} levels make
 * the file unreadable.
 */
final class OverlayReader {

  private final String text;
  private final List<String> warnings = new ArrayList<>();

  OverlayReader(String text) {
    this.text = text;
  }

  /** What {@link #read()} found worth telling but not worth refusing the file for. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  List<ApplicationEntry> read() throws OverlayFormatException {
    Optional<NodeTuple> applications = findApplications();
    if (applications.isEmpty()) {
      return List.of();
    }
    Node list = applications.get().getValueNode();
    if (!(list instanceof SequenceNode sequence)) {
      throw new OverlayFormatException(
          SourcePosition.of(list) + ": applications is not a list (- name: ...)");
    }
    String sharedBy =
        sequence.getAnchor().isPresent()
            ? "the applications list has an anchor or is an alias, so the same text is used elsewhere"
            : null;
    ApplicationEntryReader entryReader = new ApplicationEntryReader(text);
    List<ApplicationEntry> entries = new ArrayList<>();
    Map<String, ApplicationEntry> byName = new HashMap<>();
    for (Node item : sequence.getValue()) {
      ApplicationEntry entry = entryReader.read(item, entries.size(), sharedBy);
      ApplicationEntry earlier = byName.putIfAbsent(entry.name(), entry);
      if (earlier != null) {
        throw new OverlayFormatException(
            entry.position()
                + ": application '"
                + entry.name()
                + "' appears twice (first at "
                + earlier.position()
                + "); applications are matched by name, so names must be"
                + " unique");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  private Optional<NodeTuple> findApplications() throws OverlayFormatException {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
    Optional<NodeTuple> found = Optional.empty();
    int document = 0;
    try {
      Composer composer =
          new Composer(
              settings,
              new NestingLimit(new ParserImpl(settings, new StreamReader(settings, text))));
      while (composer.hasNext()) {
        Node root = composer.next();
        document++;
        if (isEmptyDocument(root)) {
          continue;
        }
        if (!(root instanceof MappingNode mapping)) {
          throw new OverlayFormatException(
              SourcePosition.of(root) + ": the document is not a mapping (key: value)");
        }
        Optional<NodeTuple> applications =
            MappingKeys.of(mapping, "the document root").get("applications");
        if (found.isEmpty()) {
          found = applications;
        } else if (applications.isPresent()) {
          warnings.add(ignoredList(applications.get(), document, found.get()));
        }
      }
    } catch (NestingLimit.TooDeep e) {
      throw new OverlayFormatException(e.getMessage());
    } catch (YamlEngineException e) {
      throw new OverlayFormatException("not valid YAML: " + e.getMessage(), e);
    }
    return found;
  }

  private static String ignoredList(NodeTuple ignored, int document, NodeTuple read) {
    return SourcePosition.of(ignored.getKeyNode())
        + ": YAML document "
        + document
        + " has an applications list too; it is ignored, only the list at "
        + SourcePosition.of(read.getKeyNode())
        + " is read (put every application in one list)";
  }

  private static boolean isEmptyDocument(Node root) {
    return root instanceof ScalarNode scalar
        && scalar.getTag().equals(Tag.NULL)
        && scalar.getValue().isEmpty();
  }
}
