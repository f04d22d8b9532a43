package io.gitops.promotion.api;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The condition types the operator reports, and the one way to set a condition: lastTransitionTime
 * moves only when the status really changes, observedGeneration always records the generation
 * looked at. Reasons are constants from {@link Reasons} or a rejection code, never prose.
 */
public final class Conditions {
  /** The request passed validation against the configuration (environments, path, names). */
  public static final String VALIDATED = "Validated";

  /** The plan was computed from the repository: changes, warnings, diff. */
  public static final String PLANNED = "Planned";

  /**
   * The change is pushed (or found pushed by an earlier attempt), or there was nothing to commit.
   */
  public static final String COMMITTED = "Committed";

  /** The GitLab tag and release exist, or releasing was skipped. */
  public static final String RELEASED = "Released";

  /** GitLab deployments are registered, or that step was skipped. */
  public static final String DEPLOYMENTS_RECORDED = "DeploymentsRecorded";

  /** The resource reached its intended end: Succeeded, or Previewed for a dry run. */
  public static final String READY = "Ready";

  /** True while a freeze window or soak time holds the run (reason FreezeWindow or Soaking). */
  public static final String GATED = "Gated";

  /** For an environment gated by mergeRequest: True once the merge request is merged. */
  public static final String MERGED = "Merged";

  /** True when the Argo CD Applications run the commit, Synced and Healthy. */
  public static final String VERIFIED = "Verified";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  /** The API server rejects longer condition messages. */
  static final int MAX_MESSAGE_LENGTH = 32_768;

  private Conditions() {}

  /**
   * Sets the condition of this type in place, adding it when absent. Returns whether anything
   * changed, so a caller can skip a status update that would change nothing.
   */
  public static boolean set(
      List<Condition> conditions,
      String type,
      String status,
      String reason,
      String message,
      Long generation,
      Instant now) {
    if (!TRUE.equals(status) && !FALSE.equals(status) && !UNKNOWN.equals(status)) {
      throw new IllegalArgumentException(
          "condition status must be True, False or Unknown: " + status);
    }
    String boundedMessage = message == null ? "" : bound(message);
    Optional<Condition> existing = find(conditions, type);
    if (existing.isPresent()) {
      Condition current = existing.get();
      boolean transition = !status.equals(current.getStatus());
      boolean changed =
          transition
              || !Objects.equals(reason, current.getReason())
              || !Objects.equals(boundedMessage, current.getMessage())
              || !Objects.equals(generation, current.getObservedGeneration());
      if (transition) {
        current.setLastTransitionTime(timestamp(now));
      }
      current.setStatus(status);
      current.setReason(reason);
      current.setMessage(boundedMessage);
      current.setObservedGeneration(generation);
      return changed;
    }
    conditions.add(
        new ConditionBuilder()
            .withType(type)
            .withStatus(status)
            .withReason(reason)
            .withMessage(boundedMessage)
            .withObservedGeneration(generation)
            .withLastTransitionTime(timestamp(now))
            .build());
    return true;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
  }

  /**
   * RFC 3339 in UTC with whole seconds, as metav1.Time is written: {@code 2025-01-31T09:30:00Z}.
   */
  public static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String bound(String message) {
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH - 3) + "...";
  }
}
