package io.gitops.promotion.layout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file of promotable values as a {@link Layout} read it, and the means to change them
 * byte-exactly.
 */
public interface ValuesFile {
  /**
   * What the file holds that a promotion leaves alone but a person should know (e.g. an ignored
   * document).
   */
  default List<String> warnings() {
    return List.of();
  }

  /** The applications in file order. */
  List<PromotableApplication> applications();

  /** The application with this name, if the file has one. */
  default Optional<PromotableApplication> application(String name) {
    return applications().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * The text with the named applications' values replaced and every other byte unchanged.
   *
   * @throws io.gitops.promotion.engine.RequestRejectedException with {@code InvalidOverlay} when a
   *     value cannot be changed safely; the message names the path and the application
   */
  String withValues(Map<String, String> newValues);

  /**
   * What {@link #withValues} adds rather than replaces, one line each for a person (e.g. a {@code
   * newTag} put in after {@code name}); empty when it only replaces values.
   */
  default List<String> additions(Map<String, String> newValues) {
    return List.of();
  }
}
