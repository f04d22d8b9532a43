package io.gitops.promotion.yaml;

import java.util.Objects;

/**
 * One entry of an overlay's {@code applications[]} list, as read from the file.
 *
 * @param name the application name, the key promotions match entries by
 * @param tag the string value of {@code image.tag} exactly as the file holds it ({@code 1.10} stays
 *     {@code "1.10"}); {@code null} when the entry has no {@code image.tag} or it is YAML null
 *     ({@code tag:}, {@code tag: ~}, {@code tag: null})
 * @param gitlabProjectId the GitLab project id of the application's source project; {@code null}
 *     when absent
 */
public record OverlayApplication(String name, String tag, Long gitlabProjectId) {

  public OverlayApplication {
    Objects.requireNonNull(name, "name");
  }
}
