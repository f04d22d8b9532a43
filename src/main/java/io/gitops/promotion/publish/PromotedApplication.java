package io.gitops.promotion.publish;

import java.util.Objects;
import java.util.Optional;

/**
 * An application whose image tag a promotion changed, with the GitLab project its source lives in.
 *
 * @param from the tag in the target before the promotion, {@code null} when it had none
 * @param to the tag in the target after the promotion: the version that was deployed
 * @param gitlabProjectId the source overlay's {@code gitlabProjectId}, {@code null} when absent
 */
public record PromotedApplication(
    String service, String app, String from, String to, Long gitlabProjectId) {

  public PromotedApplication {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(to, "to");
  }

  /** The GitLab project as the {@code GitLab} port addresses it, when the application has one. */
  public Optional<String> project() {
    return Optional.ofNullable(gitlabProjectId).map(String::valueOf);
  }

  /** {@code backend/tbd-test-backend 1.2.0 -> 1.4.0}, for warnings. */
  public String describe() {
    return service + "/" + app + " " + (from == null ? "(none)" : from) + " -> " + to;
  }
}
