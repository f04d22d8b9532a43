package io.gitops.promotion.rollback;

/**
 * An application a rollback leaves alone: its tag changed since the promotion, or it is gone.
 *
 * @param expected the tag the promotion wrote ({@code post_state}), null when none was recorded
 * @param actual the tag the overlay holds now, null when the overlay, the application or its {@code
 *     image.tag} is gone (force cannot restore those: nothing is invented)
 * @param restoreTo the tag before the promotion, what force writes
 */
public record Conflict(
    String service, String app, String expected, String actual, String restoreTo) {}
