package io.gitops.promotion.state;

import java.time.Instant;

/** A rollback of a recorded promotion, kept in the state entry so history stays readable. */
public record RollbackRecord(
    String id, String promotionId, Instant createdAt, String createdBy, String forcedReason) {}
