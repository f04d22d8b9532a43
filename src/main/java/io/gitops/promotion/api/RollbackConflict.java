package io.gitops.promotion.api;

/**
 * An application a rollback left alone because its tag changed since the promotion: it was expected
 * at the recorded post-promotion tag but is at {@code actual}; {@code restoreTo} is what force
 * would write.
 */
public record RollbackConflict(
    String service, String app, String expected, String actual, String restoreTo) {}
