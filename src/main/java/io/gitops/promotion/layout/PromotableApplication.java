package io.gitops.promotion.layout;

import java.util.Objects;

/**
 * One application of a values file: the name promotions match it by, the value they copy, and where
 * its changelog and deployments are found in GitLab.
 *
 * @param tag the promoted value exactly as the file holds it (see {@link ImageVersion}); null when
 *     the application has none
 * @param gitlabProjectId the GitLab project of the application's source; null when absent
 * @param valueMayBeAdded whether a value the application lacks is added by an edit (a kustomize
 *     image without {@code newTag}) rather than being a reason to skip it
 */
public record PromotableApplication(
    String name, String tag, Long gitlabProjectId, boolean valueMayBeAdded) {
  public PromotableApplication {
    Objects.requireNonNull(name, "name");
  }

  public PromotableApplication(String name, String tag, Long gitlabProjectId) {
    this(name, tag, gitlabProjectId, false);
  }
}
