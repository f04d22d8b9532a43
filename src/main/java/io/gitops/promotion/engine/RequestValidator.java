package io.gitops.promotion.engine;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.EnvironmentCatalog;

/**
 * Checks a request before anything is read or written: names, environments and the promotion path.
 * Whether the group exists is checked by the {@link Planner}, which is the first to read files.
 */
public final class RequestValidator {
  private final EnvironmentCatalog environments;

  public RequestValidator(EnvironmentCatalog environments) {
    this.environments = environments;
  }

  public PromotionRequest validate(PromotionParameters p) {
    String group = PlainName.require("workload group", p.group());
    String versionService =
        p.versionService() == null || p.versionService().isBlank()
            ? null
            : PlainName.require(
                "version service", stripGroupPrefix(group, p.versionService().trim()));
    Environment source = environment("source", p.sourceEnv());
    Environment target = environment("target", p.targetEnv());
    if (source.equals(target)) {
      throw new RequestRejectedException(
          RejectionReason.SAME_ENVIRONMENT,
          "source and target environment are both "
              + source.name()
              + "; even a forced promotion needs two environments");
    }
    boolean hasReason = p.reason() != null && !p.reason().isBlank();
    if (p.force() && !hasReason) {
      throw new RequestRejectedException(
          RejectionReason.REASON_REQUIRED,
          "a forced promotion needs a reason (--reason / spec.reason)");
    }
    if (!p.force() && !environments.isLinearStep(source, target)) {
      throw new RequestRejectedException(
          RejectionReason.NOT_ON_PROMOTION_PATH,
          source.name()
              + " -> "
              + target.name()
              + " is not a step of the promotion path "
              + pathText()
              + "; use force with a reason to promote out of order");
    }
    String requestedBy =
        p.requestedBy() == null || p.requestedBy().isBlank() ? "unknown" : p.requestedBy().trim();
    return new PromotionRequest(
        p.promotionId(),
        group,
        source,
        target,
        versionService,
        p.dryRun(),
        p.force(),
        hasReason ? p.reason().trim() : null,
        requestedBy);
  }

  private Environment environment(String role, String name) {
    return environments
        .find(name)
        .orElseThrow(
            () ->
                new RequestRejectedException(
                    RejectionReason.UNKNOWN_ENVIRONMENT,
                    "unknown "
                        + role
                        + " environment '"
                        + name
                        + "'; known: "
                        + environments.names()));
  }

  private String pathText() {
    return String.join(" -> ", environments.path().stream().map(Environment::name).toList());
  }

  /** {@code tbd-test/frontend} and {@code frontend} both name the frontend service of tbd-test. */
  private static String stripGroupPrefix(String group, String service) {
    String prefix = group + "/";
    return service.startsWith(prefix) ? service.substring(prefix.length()) : service;
  }
}
