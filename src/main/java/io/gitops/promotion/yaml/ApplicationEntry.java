package io.gitops.promotion.yaml;

import java.util.Objects;

/**
 * One application of an overlay as the reader found it: its values and, when it has an {@code
 * image.tag}, where that value sits in the text.
 *
 * @param application the values read
 * @param position where the entry starts, for messages
 * @param tagSite where {@code image.tag} is; {@code null} when the entry has no {@code image.tag}
 * @param digest the value of {@code image.digest}; {@code null} when absent or YAML null
 * @param digestSite where {@code image.digest} is; {@code null} when the entry has none
 */
record ApplicationEntry(
    OverlayApplication application,
    SourcePosition position,
    TagSite tagSite,
    String digest,
    TagSite digestSite) {

  ApplicationEntry(OverlayApplication application, SourcePosition position, TagSite tagSite) {
    this(application, position, tagSite, null, null);
  }

  ApplicationEntry {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(position, "position");
  }

  String name() {
    return application.name();
  }
}
