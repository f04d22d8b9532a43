package io.gitops.promotion.yaml;

import java.util.ArrayList;
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
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A file of Argo CD {@code Application} manifests as read (immutable), possibly several YAML
 * documents: the {@code targetRevision} of each source ({@code spec.source}, or each entry of
 * {@code spec.sources}), named by its {@code chart}, or by its {@code repoURL} when it has no
 * chart, and the means to change those values without touching any other byte. Documents of another
 * kind are left alone. The same source name twice in a file makes it unreadable (sources are
 * matched by name, never by position); so do the shapes {@link OverlayFile} refuses.
 */
public final class ApplicationManifest {

  /**
   * One source: its name, its revision (null when it has none), the Application holding it, and
   * whether it names a Helm chart (else it is a Git source named by its repoURL).
   */
  public record Source(String name, String targetRevision, String application, boolean chart) {
    public Source {
      Objects.requireNonNull(name, "name");
    }
  }

  private record Entry(Source source, SourcePosition position, TagSite site) {}

  private final String text;
  private final Map<String, Entry> entries;

  private ApplicationManifest(String text, Map<String, Entry> entries) {
    this.text = text;
    this.entries = entries;
  }

  public static ApplicationManifest parse(String text) throws OverlayFormatException {
    Objects.requireNonNull(text, "text");
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (MappingNode root : YamlDocuments.roots(text)) {
      MappingKeys keys = MappingKeys.of(root, "the document root");
      String kind = keys.get("kind").map(t -> YamlDocuments.string(t.getValueNode())).orElse(null);
      if (!"Application".equals(kind)) {
        continue;
      }
      String application =
          keys.get("metadata")
              .map(NodeTuple::getValueNode)
              .filter(MappingNode.class::isInstance)
              .flatMap(
                  m ->
                      ((MappingNode) m)
                          .getValue().stream()
                              .filter(t -> "name".equals(YamlDocuments.string(t.getKeyNode())))
                              .findFirst())
              .map(t -> YamlDocuments.string(t.getValueNode()))
              .orElse("(unnamed)");
      for (Entry entry : sources(text, keys, application)) {
        Entry earlier = entries.putIfAbsent(entry.source().name(), entry);
        if (earlier != null) {
          throw new OverlayFormatException(
              entry.position()
                  + ": source '"
                  + entry.source().name()
                  + "' appears twice (first at "
                  + earlier.position()
                  + "); sources are matched by chart or"
                  + " repoURL, so each may appear once per file");
        }
      }
    }
    return new ApplicationManifest(text, entries);
  }

  /** The sources in file order. */
  public List<Source> sources() {
    return entries.values().stream().map(Entry::source).toList();
  }

  public Optional<Source> source(String name) {
    return Optional.ofNullable(entries.get(name)).map(Entry::source);
  }

  /**
   * The text with the {@code targetRevision} of each named source replaced in its quoting style;
   * every other byte unchanged. Refused, editing nothing: an unknown source, a source without a
   * {@code targetRevision} (it is not invented), a value that cannot be edited safely.
   */
  public String withRevisions(Map<String, String> revisions) throws OverlayFormatException {
    List<TagEditor.TagEdit> edits = new ArrayList<>();
    for (Map.Entry<String, String> wanted : new TreeMap<>(revisions).entrySet()) {
      Entry entry = entries.get(wanted.getKey());
      if (entry == null) {
        throw new OverlayFormatException("no source named '" + wanted.getKey() + "' in this file");
      }
      if (entry.site() == null) {
        throw new OverlayFormatException(
            entry.position()
                + ": source '"
                + wanted.getKey()
                + "' has no targetRevision to replace; add one by hand");
      }
      if (!wanted.getValue().equals(entry.source().targetRevision())) {
        edits.add(new TagEditor.TagEdit(entry.site(), wanted.getValue()));
      }
    }
    return TagEditor.apply(text, edits);
  }

  private static List<Entry> sources(String text, MappingKeys root, String application)
      throws OverlayFormatException {
    Optional<Node> spec = root.get("spec").map(NodeTuple::getValueNode);
    if (spec.isEmpty() || !(spec.get() instanceof MappingNode specMapping)) {
      return List.of();
    }
    MappingKeys keys = MappingKeys.of(specMapping, "spec of Application '" + application + "'");
    String shared =
        specMapping.getAnchor().isPresent() ? "the spec has an anchor or is an alias" : null;
    List<Entry> entries = new ArrayList<>();
    Optional<Node> single = keys.get("source").map(NodeTuple::getValueNode);
    if (single.isPresent() && single.get() instanceof MappingNode source) {
      entries.add(entry(text, source, application, "spec.source", shared));
    }
    Optional<Node> many = keys.get("sources").map(NodeTuple::getValueNode);
    if (many.isPresent() && many.get() instanceof SequenceNode list) {
      String listShared =
          shared != null
              ? shared
              : list.getAnchor().isPresent()
                  ? "the sources list has an anchor or is an alias"
                  : null;
      int index = 0;
      for (Node item : list.getValue()) {
        if (!(item instanceof MappingNode source)) {
          throw new OverlayFormatException(
              SourcePosition.of(item)
                  + ": spec.sources["
                  + index
                  + "] of Application '"
                  + application
                  + "' is not a mapping");
        }
        entries.add(entry(text, source, application, "spec.sources[" + index++ + "]", listShared));
      }
    }
    return entries;
  }

  private static Entry entry(
      String text, MappingNode source, String application, String where, String shared)
      throws OverlayFormatException {
    MappingKeys keys = MappingKeys.of(source, where + " of Application '" + application + "'");
    String chart = keys.get("chart").map(t -> YamlDocuments.string(t.getValueNode())).orElse(null);
    String name =
        chart != null
            ? chart
            : keys.get("repoURL").map(t -> YamlDocuments.string(t.getValueNode())).orElse(null);
    SourcePosition position = SourcePosition.of(source);
    if (name == null || name.isBlank()) {
      throw new OverlayFormatException(
          position
              + ": "
              + where
              + " of Application '"
              + application
              + "' has neither chart nor repoURL; sources are matched by them");
    }
    Optional<NodeTuple> revision = keys.get("targetRevision");
    if (revision.isEmpty()) {
      return new Entry(new Source(name, null, application, chart != null), position, null);
    }
    if (!(revision.get().getValueNode() instanceof ScalarNode)) {
      throw new OverlayFormatException(
          SourcePosition.of(revision.get().getKeyNode())
              + ": targetRevision of source '"
              + name
              + "' is not a string");
    }
    String sharedBy =
        shared != null
            ? shared
            : source.getAnchor().isPresent() ? "the source has an anchor or is an alias" : null;
    return new Entry(
        new Source(
            name, YamlDocuments.string(revision.get().getValueNode()), application, chart != null),
        position,
        TagSite.of(name, "targetRevision", false, revision.get(), sharedBy, text));
  }
}
