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
    List<TagEdit> fromTheEnd = new ArrayList<>(edits);
    fromTheEnd.sort(Comparator.comparingInt((TagEdit edit) -> edit.site().start()).reversed());
    List<String> replacements = new ArrayList<>();
    for (TagEdit edit : fromTheEnd) {
      replacements.add(replacement(edit));
    }
    StringBuilder edited = new StringBuilder(text);
    for (int i = 0; i < fromTheEnd.size(); i++) {
      TagSite site = fromTheEnd.get(i).site();
      edited.replace(site.start(), site.end(), replacements.get(i));
    }
    return edited.toString();
  }

  private static String replacement(TagEdit edit) throws OverlayFormatException {
    TagSite site = edit.site();
    if (site.refusal() != null) {
      throw new OverlayFormatException(
          site.position() + ": cannot edit image.tag of application '" + site.application()
              + "': " + site.refusal());
    }
    String written = TagScalarWriter.write(site.style(), edit.newTag(), site.application());
    // An empty value sits right after "tag:"; without a space the new text would join the key.
    return site.start() == site.end() ? " " + written : written;
  }
}
