package io.gitops.promotion.notify;

import java.time.Instant;

/**
 * One phase transition of one run, as a webhook is told about it.
 *
 * @param kind {@code Promotion} or {@code PromotionRollback}
 * @param sourceEnv null for a rollback
 * @param version, commit, title null when the run has none (yet)
 */
public record Notice(
    NotificationEvent event,
    String kind,
    String name,
    String namespace,
    String repository,
    String group,
    String sourceEnv,
    String targetEnv,
    String reason,
    String message,
    String title,
    String version,
    String commit,
    Instant time) {}
