package io.gitops.promotion.api;

/**
 * A deployment registered in GitLab for a promotion or rollback: on which project (id or path), for
 * which environment, its id, and the commit it points at. Recorded so a retry does not register it
 * twice.
 */
public record GitLabDeployment(String project, String environment, Long id, String sha) {}
