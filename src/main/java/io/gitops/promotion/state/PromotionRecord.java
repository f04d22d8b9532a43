package io.gitops.promotion.state;

import java.time.Instant;

/**
 * The {@code promotion:} metadata of a state entry: what was promoted, by whom and when.
 *
 * @param tag the release tag ({@code v1.5.0}), or null when there is no version
 * @param forcedReason the reason given for a forced promotion, null when not forced
 */
public record PromotionRecord(
    String id,
    String version,
    String sourceEnv,
    String targetEnv,
    Instant createdAt,
    String createdBy,
    String tag,
    String forcedReason) {}
