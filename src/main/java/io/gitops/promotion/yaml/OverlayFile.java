package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An overlay {@code values.yaml} as read (immutable): its {@code applications[]} and the means to
 * change their {@code image.tag} values without touching any other byte of the file.
 *
 * <p>Reading: applications are matched by {@code name}, never by list position, so a name may
 * appear only once. When the file holds several YAML documents, applications come from the first
 * document whose root mapping has an {@code applications} key (a later document with one too is
 * ignored, and {@link #warnings()} says so); every non-empty document must be a mapping. Mappings
 * and sequences nested more than 64 levels deep make the file unreadable. A missing {@code
 * applications} key means no applications. Tags are read as the string the file holds ({@code
 * "1.5.0"} and plain {@code 1.10} read as {@code 1.5.0} and {@code 1.10}). A tag that is an alias,
 * anchored, a block scalar or has an explicit YAML tag still reads (as its string value); such a
 * tag is refused only when it has to change. A tag that is a mapping or a sequence, a duplicate
 * key, or a merge key ({@code <<}) in the root, an application or an image makes the file
 * unreadable.
 *
 * <p>Editing: see {@link #withTags(Map)}.
 */
public final class OverlayFile {

  private final String text;
  private final Map<String, ApplicationEntry> entries;
  private final List<String> warnings;

  private OverlayFile(String text, List<ApplicationEntry> entries, List<String> warnings) {
    this.text = text;
    this.warnings = List.copyOf(warnings);
    this.entries = new LinkedHashMap<>();
    entries.forEach(entry -> this.entries.put(entry.name(), entry));
  }

  /**
   * Reads an overlay.
   *
   * @param text the whole file, decoded from UTF-8, e.g. by {@link OverlayText#decode} (a leading
   *     byte order mark may stay in it)
   * @throws OverlayFormatException when the text is not valid YAML or not an overlay that can be
   *     read safely; the message says where and why
   */
  public static OverlayFile parse(String text) throws OverlayFormatException {
    Objects.requireNonNull(text, "text");
    Optional<List<ApplicationEntry>> plain = PlainOverlayReader.read(text);
    if (plain.isPresent()) {
      return new OverlayFile(text, plain.get(), List.of());
    }
    OverlayReader reader = new OverlayReader(text);
    List<ApplicationEntry> entries = reader.read();
    return new OverlayFile(text, entries, reader.warnings());
  }

  /**
   * What reading found suspicious but not wrong enough to refuse the file, one message a line for a
   * person, each naming its position: today a later YAML document with its own {@code applications}
   * list, which is ignored. Empty for a clean file.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** The applications in file order. */
  public List<OverlayApplication> applications() {
    return entries.values().stream().map(ApplicationEntry::application).toList();
  }

  /** The application with this name, if the overlay has one. */
  public Optional<OverlayApplication> application(String name) {
    return Optional.ofNullable(entries.get(name)).map(ApplicationEntry::application);
  }

  /**
   * The text with {@code image.tag} of each named application replaced; every other byte is
   * unchanged. The new value keeps the old value's quoting style; a plain value that would read as
   * another type ({@code 1.10}, {@code true}, {@code 1e3} ...) is double-quoted instead. A tag
   * whose value already equals the new one is left exactly as written. An empty value ({@code tag:}
   * or {@code tag: # comment}) gets the new one after a space. An empty map gives back the same
   * text.
   *
   * <p>Refused, with a message naming the application and the reason: an unknown application, an
   * application without {@code image.tag}, a tag that is an alias ({@code *v}), carries an anchor
   * ({@code &v}), is a block scalar ({@code |}, {@code >}) or has an explicit YAML tag ({@code
   * !!str 1.0}: this editor does not keep such a tag, remove it by hand), a tag under an anchored
   * or aliased application or image (the text is shared), and a new value with a line break or
   * control character. When anything is refused, nothing is edited.
   *
   * @param newTagByApplication new tag per application name
   */
  public String withTags(Map<String, String> newTagByApplication) throws OverlayFormatException {
    Objects.requireNonNull(newTagByApplication, "newTagByApplication");
    TreeSet<String> unknown = new TreeSet<>(newTagByApplication.keySet());
    unknown.removeAll(entries.keySet());
    if (!unknown.isEmpty()) {
      throw new OverlayFormatException(
          "no application named "
              + quoted(unknown)
              + " in this overlay (it has "
              + (entries.isEmpty() ? "no applications" : quoted(entries.keySet()))
              + ")");
    }
    List<TagEditor.TagEdit> edits = new ArrayList<>();
    // Sorted, so that of several refused edits the same one is reported every time.
    for (Map.Entry<String, String> wanted : new TreeMap<>(newTagByApplication).entrySet()) {
      edit(entries.get(wanted.getKey()), wanted.getValue()).ifPresent(edits::add);
    }
    return TagEditor.apply(text, edits);
  }

  /**
   * The {@code image.digest} of an application that pins its image with one, e.g. {@code sha256:<64
   * hex>}; empty when the application has no such key or it is YAML null.
   */
  public Optional<String> digest(String application) {
    return Optional.ofNullable(entries.get(application)).map(ApplicationEntry::digest);
  }

  /** Whether the application has an {@code image.digest} key, even an empty one. */
  public boolean hasDigestKey(String application) {
    return Optional.ofNullable(entries.get(application))
        .map(ApplicationEntry::digestSite)
        .isPresent();
  }

  /**
   * Like {@link #withTags(Map)}, also replacing {@code image.digest} of each application named in
   * {@code newDigestByApplication} (in its quoting style; a digest stays plain when it was). An
   * application without an {@code image.digest} key is refused: the key is not invented.
   */
  public String withTagsAndDigests(
      Map<String, String> newTagByApplication, Map<String, String> newDigestByApplication)
      throws OverlayFormatException {
    if (newDigestByApplication.isEmpty()) {
      return withTags(newTagByApplication);
    }
    String tagged = withTags(newTagByApplication);
    OverlayFile reread = parse(tagged);
    List<TagEditor.TagEdit> edits = new ArrayList<>();
    for (Map.Entry<String, String> wanted : new TreeMap<>(newDigestByApplication).entrySet()) {
      ApplicationEntry entry = reread.entries.get(wanted.getKey());
      if (entry == null || entry.digestSite() == null) {
        throw new OverlayFormatException(
            "application '"
                + wanted.getKey()
                + "' has no image.digest to replace; add one by hand");
      }
      if (!wanted.getValue().equals(entry.digest())) {
        edits.add(new TagEditor.TagEdit(entry.digestSite(), wanted.getValue()));
      }
    }
    return TagEditor.apply(tagged, edits);
  }

  private static Optional<TagEditor.TagEdit> edit(ApplicationEntry entry, String newTag)
      throws OverlayFormatException {
    if (newTag == null) {
      throw new OverlayFormatException("no new tag given for application '" + entry.name() + "'");
    }
    if (entry.tagSite() == null) {
      throw new OverlayFormatException(
          entry.position()
              + ": application '"
              + entry.name()
              + "' has no image.tag to replace; add one by hand");
    }
    if (newTag.equals(entry.application().tag())) {
      return Optional.empty();
    }
    return Optional.of(new TagEditor.TagEdit(entry.tagSite(), newTag));
  }

  private static String quoted(Iterable<String> names) {
    return "'" + String.join("', '", names) + "'";
  }
}
