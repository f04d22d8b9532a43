package io.gitops.promotion.rollback;

/** A landed rollback as its after-steps see it: what was asked and what was done. */
public record RollbackRun(RollbackRequest request, RollbackResult result) {}
