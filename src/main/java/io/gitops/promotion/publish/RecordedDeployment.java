package io.gitops.promotion.publish;

/**
 * A GitLab deployment registered (or found) for a promotion.
 *
 * @param project the GitLab project, as the request named it (numeric id or path)
 * @param ref the tag or branch the deployment names
 */
public record RecordedDeployment(
    String project, String environment, long id, String sha, String ref) {}
