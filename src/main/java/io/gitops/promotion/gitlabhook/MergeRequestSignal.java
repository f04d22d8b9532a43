package io.gitops.promotion.gitlabhook;

/**
 * GitLab told that a merge request of a configured repository changed (state, approvals, pipeline,
 * a comment): whoever awaits it should look now.
 *
 * @param repository the configured repository whose GitLab project holds the request
 */
public record MergeRequestSignal(String repository, MergeRequestRef mergeRequest) {}
