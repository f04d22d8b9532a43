package io.gitops.promotion.config;

/**
 * The GitLab project behind a GitOps repository, for release tags, releases and deployments.
 *
 * @param url GitLab base URL, {@code https://gitlab.example.com}
 * @param projectId numeric id or {@code group/project} path of the GitOps project
 * @param tokenSecret name of the Secret (operator namespace) whose {@code token} key holds the API
 *     token
 */
public record GitLabConfig(String url, String projectId, String tokenSecret) {}
