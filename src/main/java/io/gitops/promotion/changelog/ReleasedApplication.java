package io.gitops.promotion.changelog;

import java.util.Objects;

/**
 * One promoted application: one row of the services table of the release description.
 *
 * @param service the service name in the workload group, e.g. {@code backend}
 * @param application the application name, e.g. {@code tbd-test-backend}
 * @param previousTag the tag in the target overlay before the promotion, or {@code null} when the
 *     target had none (rendered as {@code (none)})
 * @param newTag the tag in the target overlay after the promotion
 */
public record ReleasedApplication(
    String service, String application, String previousTag, String newTag) {

  public ReleasedApplication {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(newTag, "newTag");
  }
}
