package io.gitops.promotion.gitlab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merge request endpoints of the fake GitLab, over a hosted repository: create, get, list,
 * update (close, reopen), approvals, approve, merge (merge commit, squash or fast-forward, done
 * with real Git), notes, and branch deletion. The detailed merge status is computed on each read,
 * as GitLab does: draft, approvals, pipeline, conflicts, and whether a fast-forward needs a rebase.
 */
final class FakeMergeRequestRoutes {
  private final FakeGitLabState state;
  private final FakeMergeRequestJson json;
  private long nextNoteId = 1;

  FakeMergeRequestRoutes(FakeGitLabState state, FakeMergeRequestJson json) {
    this.state = state;
    this.json = json;
  }

  /** Handles the request, or empty when it is not a merge request or branch route. */
  Optional<FakeResponse> handle(FakeProject project, FakeRequest request, List<String> rest) {
    if (rest.size() == 3
        && rest.get(0).equals("repository")
        && rest.get(1).equals("branches")
        && request.method().equals("DELETE")) {
      if (!hosted(project).deleteBranch(rest.get(2))) {
        throw FakeApiError.message(404, "404 Branch Not Found");
      }
      return Optional.of(new FakeResponse(204, null, Map.of()));
    }
    if (rest.isEmpty() || !rest.get(0).equals("merge_requests")) {
      return Optional.empty();
    }
    if (rest.size() == 1) {
      return Optional.of(
          switch (request.method()) {
            case "GET" ->
                FakeResponse.json(
                    200,
                    project.mergeRequests.values().stream()
                        .filter(
                            mr ->
                                request.param("source_branch") == null
                                    || mr.sourceBranch.equals(request.param("source_branch")))
                        .filter(
                            mr ->
                                request.param("target_branch") == null
                                    || mr.targetBranch.equals(request.param("target_branch")))
                        .filter(
                            mr ->
                                request.param("state") == null
                                    || request.param("state").equals("all")
                                    || mr.state.equals(request.param("state")))
                        .sorted(
                            Comparator.comparingLong((FakeMergeRequest mr) -> mr.iid).reversed())
                        .map(
                            mr ->
                                json.mergeRequest(
                                    project,
                                    mr,
                                    detailedMergeStatus(project, mr),
                                    hasConflicts(project, mr)))
                        .toList());
            case "POST" -> create(project, request);
            default -> throw FakeApiError.error(405, "405 Method Not Allowed");
          });
    }
    FakeMergeRequest mr = project.mergeRequests.get(parseIid(rest.get(1)));
    if (mr == null) {
      throw FakeApiError.notFound("Merge Request");
    }
    String action = rest.size() == 2 ? "" : rest.get(2);
    return Optional.of(
        switch (request.method() + " " + action) {
          case "GET " -> ok(project, mr);
          case "PUT " -> update(project, mr, request);
          case "GET approvals" -> FakeResponse.json(200, json.approvals(project, mr));
          case "POST approve" -> {
            approve(mr, "root");
            autoMerge(project, mr);
            yield FakeResponse.json(201, json.approvals(project, mr));
          }
          case "PUT merge" -> merge(project, mr, request);
          case "POST notes" -> {
            request.require("body");
            mr.notes.add(request.param("body"));
            yield FakeResponse.json(201, json.note(nextNoteId++, request.param("body")));
          }
          default -> throw FakeApiError.error(404, "404 Not Found");
        });
  }

  private FakeResponse create(FakeProject project, FakeRequest request) {
    request.require("source_branch", "target_branch", "title");
    String source = request.param("source_branch");
    HostedRepository repo = hosted(project);
    if (repo.branchHead(source).isEmpty()) {
      throw FakeApiError.message(422, List.of("Source branch \"" + source + "\" does not exist"));
    }
    Optional<FakeMergeRequest> open =
        project.mergeRequests.values().stream()
            .filter(mr -> mr.sourceBranch.equals(source) && mr.state.equals("opened"))
            .findFirst();
    if (open.isPresent()) {
      throw FakeApiError.message(
          409,
          List.of(
              "Another open merge request already exists for this source branch: !"
                  + open.get().iid));
    }
    long iid = project.mergeRequests.size() + 1L;
    FakeMergeRequest mr =
        new FakeMergeRequest(
            state.nextMergeRequestId(),
            iid,
            source,
            request.param("target_branch"),
            request.param("title"),
            state.now());
    mr.description = request.param("description");
    mr.squash = Boolean.parseBoolean(request.param("squash"));
    mr.removeSourceBranch = Boolean.parseBoolean(request.param("remove_source_branch"));
    mr.labels.addAll(list(request.param("labels")));
    list(request.param("reviewer_ids")).forEach(id -> mr.reviewerIds.add(Long.parseLong(id)));
    list(request.param("assignee_ids")).forEach(id -> mr.assigneeIds.add(Long.parseLong(id)));
    mr.sha = repo.branchHead(source).orElseThrow();
    project.mergeRequests.put(iid, mr);
    return FakeResponse.json(
        201,
        json.mergeRequest(
            project, mr, detailedMergeStatus(project, mr), hasConflicts(project, mr)));
  }

  private FakeResponse update(FakeProject project, FakeMergeRequest mr, FakeRequest request) {
    if (request.param("state_event") == null
        && request.param("title") == null
        && request.param("description") == null) {
      // GitLab's answer to an update without any of its attributes
      throw FakeApiError.error(
          400,
          "source_branch, target_branch, assignee_id, assignee_ids, reviewer_ids, description,"
              + " state_event, labels, add_labels, remove_labels, milestone_id, title,"
              + " remove_source_branch, squash, discussion_locked, allow_collaboration,"
              + " allow_maintainer_to_push are missing, at least one parameter must be provided");
    }
    request.requireOneOf("state_event", List.of("close", "reopen"));
    if ("close".equals(request.param("state_event")) && mr.state.equals("opened")) {
      mr.state = "closed";
    } else if ("reopen".equals(request.param("state_event")) && mr.state.equals("closed")) {
      mr.state = "opened";
    }
    if (request.param("title") != null) {
      mr.title = request.param("title");
    }
    if (request.param("description") != null) {
      mr.description = request.param("description");
    }
    mr.updatedAt = state.now();
    return ok(project, mr);
  }

  /** A user approves; approving twice is GitLab's 401 "already approved", ignored here. */
  void approve(FakeMergeRequest mr, String username) {
    mr.approvedBy.add(username);
    mr.updatedAt = state.now();
  }

  /**
   * A request set to auto-merge lands as soon as it is mergeable (after an approval or a pipeline).
   */
  void autoMerge(FakeProject project, FakeMergeRequest mr) {
    if (mr.mergeWhenPipelineSucceeds && detailedMergeStatus(project, mr).equals("mergeable")) {
      land(project, mr);
    }
  }

  /**
   * GitLab's accept endpoint: 405 when the request is not open or not approved, 406 on a conflict,
   * 409 when {@code sha} is not the head; with {@code merge_when_pipeline_succeeds} while the
   * pipeline runs, it only sets auto-merge.
   */
  FakeResponse merge(FakeProject project, FakeMergeRequest mr, FakeRequest request) {
    if (request.param("sha") != null && !request.param("sha").equals(currentSha(project, mr))) {
      throw FakeApiError.message(
          409, "SHA does not match HEAD of source branch: " + currentSha(project, mr));
    }
    if (Boolean.parseBoolean(request.param("merge_when_pipeline_succeeds"))
        && mr.state.equals("opened")
        && !detailedMergeStatus(project, mr).equals("mergeable")) {
      // auto-merge: GitLab merges by itself once the request is mergeable
      mr.mergeWhenPipelineSucceeds = true;
      return ok(project, mr);
    }
    if (request.param("squash") != null) {
      mr.squash = Boolean.parseBoolean(request.param("squash"));
    }
    land(project, mr);
    return ok(project, mr);
  }

  /** Lands the request on its target branch with real Git, as a person pressing Merge does. */
  void land(FakeProject project, FakeMergeRequest mr) {
    String status = detailedMergeStatus(project, mr);
    if (status.equals("conflict")) {
      throw FakeApiError.message(406, "Branch cannot be merged");
    }
    if (!status.equals("mergeable")) {
      throw FakeApiError.message(405, "405 Method Not Allowed");
    }
    HostedRepository repo = hosted(project);
    mr.sha = currentSha(project, mr);
    String method = project.mergeMethod.equals("ff") ? "ff" : mr.squash ? "squash" : "merge";
    String message =
        switch (method) {
          case "squash" -> mr.title;
          default ->
              "Merge branch '"
                  + mr.sourceBranch
                  + "' into '"
                  + mr.targetBranch
                  + "'\n\n"
                  + mr.title
                  + "\n\nSee merge request "
                  + project.path
                  + "!"
                  + mr.iid;
        };
    String landed =
        repo.land(
                mr.sourceBranch,
                mr.targetBranch,
                mr.squash && method.equals("ff") ? "squash" : method,
                message,
                state.now())
            .orElseThrow(() -> FakeApiError.message(406, "Branch cannot be merged"));
    if (mr.squash) {
      mr.squashCommitSha = landed;
    } else if (!method.equals("ff")) {
      mr.mergeCommitSha = landed;
    }
    mr.state = "merged";
    mr.updatedAt = state.now();
    if (mr.removeSourceBranch) {
      repo.deleteBranch(mr.sourceBranch);
    }
  }

  String detailedMergeStatus(FakeProject project, FakeMergeRequest mr) {
    if (!mr.state.equals("opened")) {
      return "not_open";
    }
    HostedRepository repo = hosted(project);
    if (repo.branchHead(mr.sourceBranch).isEmpty()) {
      return "broken_status";
    }
    if (mr.isDraft()) {
      return "draft_status";
    }
    if (!repo.mergesCleanly(mr.sourceBranch, mr.targetBranch)) {
      return "conflict";
    }
    if (project.mergeMethod.equals("ff")
        && !mr.squash
        && !repo.isAncestor(
            repo.branchHead(mr.targetBranch).orElseThrow(),
            repo.branchHead(mr.sourceBranch).orElseThrow())) {
      return "need_rebase";
    }
    if (mr.pipelineStatus != null && !mr.pipelineStatus.equals("success")) {
      return mr.pipelineStatus.equals("failed") ? "ci_must_pass" : "ci_still_running";
    }
    if (mr.approvedBy.size() < project.approvalsRequired) {
      return "not_approved";
    }
    return "mergeable";
  }

  /**
   * GitLab's {@code has_conflicts}, worked out apart from the detailed status, which names only the
   * first check that fails (a draft with conflicts reports {@code draft_status}).
   */
  boolean hasConflicts(FakeProject project, FakeMergeRequest mr) {
    HostedRepository repo = hosted(project);
    return mr.state.equals("opened")
        && repo.branchHead(mr.sourceBranch).isPresent()
        && !repo.mergesCleanly(mr.sourceBranch, mr.targetBranch);
  }

  private String currentSha(FakeProject project, FakeMergeRequest mr) {
    return hosted(project).branchHead(mr.sourceBranch).orElse(mr.sha);
  }

  private FakeResponse ok(FakeProject project, FakeMergeRequest mr) {
    if (mr.state.equals("opened")) {
      mr.sha = currentSha(project, mr);
    }
    return FakeResponse.json(
        200,
        json.mergeRequest(
            project, mr, detailedMergeStatus(project, mr), hasConflicts(project, mr)));
  }

  Map<String, Object> user(long id, String username) {
    return json.user(id, username);
  }

  private static HostedRepository hosted(FakeProject project) {
    if (project.hosted == null) {
      throw new IllegalStateException(
          "merge requests need a hosted repository: hostRepository first");
    }
    return project.hosted;
  }

  private static long parseIid(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw FakeApiError.notFound("Merge Request");
    }
  }

  /** GitLab takes arrays as comma-separated values or repeated {@code name[]} parameters. */
  private static List<String> list(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
