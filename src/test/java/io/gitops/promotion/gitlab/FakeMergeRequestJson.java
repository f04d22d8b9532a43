package io.gitops.promotion.gitlab;

import static io.gitops.promotion.gitlab.FakeGitLabJson.map;
import static io.gitops.promotion.gitlab.FakeGitLabJson.time;

import java.util.List;
import java.util.Map;

/**
 * The JSON of GitLab's merge requests API (single merge request, approvals) as documented, for the
 * fake's merge requests.
 */
final class FakeMergeRequestJson {
  private final String webUrl;

  FakeMergeRequestJson(String webUrl) {
    this.webUrl = webUrl;
  }

  Map<String, Object> mergeRequest(
      FakeProject p, FakeMergeRequest mr, String detailedMergeStatus, boolean hasConflicts) {
    Map<String, Object> pipeline =
        mr.pipelineStatus == null
            ? null
            : map(
                "id",
                mr.iid * 100,
                "iid",
                mr.iid,
                "project_id",
                p.id,
                "sha",
                mr.sha,
                "ref",
                mr.sourceBranch,
                "status",
                mr.pipelineStatus,
                "source",
                "merge_request_event",
                "web_url",
                webUrl + "/" + p.path + "/-/pipelines/" + mr.iid * 100);
    return map(
        "id",
        mr.id,
        "iid",
        mr.iid,
        "project_id",
        p.id,
        "title",
        mr.title,
        "description",
        mr.description,
        "state",
        mr.state,
        "created_at",
        time(mr.createdAt),
        "updated_at",
        time(mr.updatedAt),
        "merged_at",
        "merged".equals(mr.state) ? time(mr.updatedAt) : null,
        "closed_at",
        "closed".equals(mr.state) ? time(mr.updatedAt) : null,
        "target_branch",
        mr.targetBranch,
        "source_branch",
        mr.sourceBranch,
        "user_notes_count",
        mr.notes.size(),
        "upvotes",
        0,
        "downvotes",
        0,
        "author",
        user(1, "root"),
        "assignees",
        mr.assigneeIds.stream().map(id -> user(id, "user" + id)).toList(),
        "reviewers",
        mr.reviewerIds.stream().map(id -> user(id, "user" + id)).toList(),
        "source_project_id",
        p.id,
        "target_project_id",
        p.id,
        "labels",
        List.copyOf(mr.labels),
        "draft",
        mr.isDraft(),
        "work_in_progress",
        mr.isDraft(),
        "merge_when_pipeline_succeeds",
        mr.mergeWhenPipelineSucceeds,
        "merge_status",
        "mergeable".equals(detailedMergeStatus) ? "can_be_merged" : "cannot_be_merged",
        "detailed_merge_status",
        detailedMergeStatus,
        "sha",
        mr.sha,
        "merge_commit_sha",
        mr.mergeCommitSha,
        "squash_commit_sha",
        mr.squashCommitSha,
        "squash",
        mr.squash,
        "has_conflicts",
        hasConflicts,
        "should_remove_source_branch",
        mr.removeSourceBranch,
        "force_remove_source_branch",
        mr.removeSourceBranch,
        "references",
        map("short", "!" + mr.iid, "relative", "!" + mr.iid, "full", p.path + "!" + mr.iid),
        "web_url",
        webUrl + "/" + p.path + "/-/merge_requests/" + mr.iid,
        "head_pipeline",
        pipeline,
        "pipeline",
        pipeline);
  }

  Map<String, Object> approvals(FakeProject p, FakeMergeRequest mr) {
    int required = p.approvalsRequired;
    return map(
        "id",
        mr.id,
        "iid",
        mr.iid,
        "project_id",
        p.id,
        "title",
        mr.title,
        "state",
        mr.state,
        "merge_status",
        "can_be_merged",
        "approved",
        mr.approvedBy.size() >= required,
        "approvals_required",
        required,
        "approvals_left",
        Math.max(0, required - mr.approvedBy.size()),
        "approved_by",
        mr.approvedBy.stream().map(u -> map("user", user(Math.abs(u.hashCode()), u))).toList());
  }

  Map<String, Object> note(long id, String body) {
    return map(
        "id",
        id,
        "body",
        body,
        "author",
        user(1, "root"),
        "system",
        false,
        "noteable_type",
        "MergeRequest");
  }

  Map<String, Object> user(long id, String username) {
    return map(
        "id",
        id,
        "username",
        username,
        "name",
        username,
        "state",
        "active",
        "avatar_url",
        null,
        "web_url",
        webUrl + "/" + username);
  }
}
