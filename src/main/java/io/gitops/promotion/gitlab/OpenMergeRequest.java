package io.gitops.promotion.gitlab;

/**
 * An open merge request as a listing shows it: its source branch and its state (without approvals;
 * {@link MergeRequests#get} reads them).
 */
public record OpenMergeRequest(String sourceBranch, MergeRequestState state) {}
