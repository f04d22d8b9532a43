package io.gitops.promotion.gitlab;

/**
 * A GitLab deployment as the engine records it on the promotion's status.
 *
 * @param status GitLab's status in lower case: {@code success}, {@code running}, ...
 */
public record DeploymentRef(long id, String environment, String sha, String ref, String status) {}
