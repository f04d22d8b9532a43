package io.gitops.promotion.gitlab;

import java.util.Objects;

/**
 * A GitLab release as the engine records it.
 *
 * @param url the release's web page, or {@code null} when GitLab did not say
 */
public record ReleaseRef(String tagName, String name, String url) {
  public ReleaseRef {
    Objects.requireNonNull(tagName, "tagName");
  }
}
