package io.gitops.promotion.layout;

import java.util.Objects;

/**
 * One application of a values file: the name promotions match it by, the value they copy, and where
 * its changelog and deployments are found in GitLab.
 *
 * @param tag the promoted value exactly as the file holds it; null when the application has none
 * @param gitlabProjectId the GitLab project of the application's source; null when absent
 */
public record PromotableApplication(String name, String tag, Long gitlabProjectId) {
  public PromotableApplication {
    Objects.requireNonNull(name, "name");
  }
}
