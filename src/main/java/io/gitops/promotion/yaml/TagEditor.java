package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrites {@code image.tag} values in overlay text. Each value is replaced in place, inside the
 * character range the reader recorded for it, so every character outside those ranges (comments,
 * line endings, indentation, other keys named {@code tag}) stays as it was.
 */
final class TagEditor {

  /** One value to rewrite. */
  record TagEdit(TagSite site, String newTag) {}

  private TagEditor() {}

  /**
   * @throws OverlayFormatException when a site is refused (alias, anchor, block scalar ...) or the
   *     new value cannot be written; then nothing is edited
   */
  static String apply(String text, List<TagEdit> edits) throws OverlayFormatException {
    return apply(text, edits, List.of());
  }

  /** New text put in at an index, e.g. a key the target lacks; it replaces nothing. */
  record Insertion(int at, String text) {}

  /**
   * Like {@link #apply(String, List)}, also putting in each insertion; an insertion and a replaced
   * value never share an index.
   */
  static String apply(String text, List<TagEdit> edits, List<Insertion> insertions)
      throws OverlayFormatException {
    List<Splice> splices = new ArrayList<>();
    for (Insertion insertion : insertions) {
      splices.add(new Splice(insertion.at(), insertion.at(), insertion.text()));
    }
    for (TagEdit edit : edits) {
      splices.add(new Splice(edit.site().start(), edit.site().end(), replacement(edit)));
    }
    // From the end of the text backwards, so that earlier ranges keep their indices.
    splices.sort(Comparator.comparingInt(Splice::start).reversed());
    StringBuilder edited = new StringBuilder(text);
    for (Splice splice : splices) {
      edited.replace(splice.start(), splice.end(), splice.text());
    }
    return edited.toString();
  }

  private record Splice(int start, int end, String text) {}

  private static String replacement(TagEdit edit) throws OverlayFormatException {
    TagSite site = edit.site();
    if (site.refusal() != null) {
      throw new OverlayFormatException(
          site.position()
              + ": cannot edit "
              + site.field()
              + " of application '"
              + site.application()
              + "': "
              + site.refusal());
    }
    String written =
        TagScalarWriter.write(site.style(), edit.newTag(), site.application(), site.references());
    // An empty value sits right after "tag:"; without a space the new text would join the key.
    return site.start() == site.end() ? " " + written : written;
  }
}
