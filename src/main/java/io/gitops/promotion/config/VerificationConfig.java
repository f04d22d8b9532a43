package io.gitops.promotion.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the Argo CD Applications of a repository's groups are, and what verification asks of them.
 * Templates may use {@code {group}}, {@code {service}} and {@code {env}} (the environment's overlay
 * directory, e.g. {@code tst}).
 *
 * @param nameTemplate the Application of each promoted service, e.g. {@code
 *     {group}-{service}-{env}}; null when {@code selector} finds them
 * @param selector a label selector finding the Applications of a group and environment; null when
 *     {@code nameTemplate} names them
 * @param required when no Application is found: true fails the promotion, false skips verification
 * @param rollbackOnFailure on failure, create a PromotionRollback of the promotion
 */
public record VerificationConfig(
    String namespace,
    String nameTemplate,
    String selector,
    Duration timeout,
    boolean required,
    boolean rollbackOnFailure) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  public Optional<String> name(String group, String service, String env) {
    return Optional.ofNullable(nameTemplate).map(t -> fill(t, group, service, env));
  }

  public Optional<String> selector(String group, String env) {
    return Optional.ofNullable(selector).map(t -> fill(t, group, "", env));
  }

  private static String fill(String template, String group, String service, String env) {
    return template.replace("{group}", group).replace("{service}", service).replace("{env}", env);
  }
}
