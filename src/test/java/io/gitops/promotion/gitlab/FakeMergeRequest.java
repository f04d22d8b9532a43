package io.gitops.promotion.gitlab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A merge request of the fake GitLab; changed only under the state's monitor. */
public final class FakeMergeRequest {
  final long id;
  final long iid;
  final String sourceBranch;
  final String targetBranch;
  final Instant createdAt;
  String title;
  String description;
  String state = "opened";
  final List<String> labels = new ArrayList<>();
  final List<Long> reviewerIds = new ArrayList<>();
  final List<Long> assigneeIds = new ArrayList<>();
  final Set<String> approvedBy = new LinkedHashSet<>();
  final List<String> notes = new ArrayList<>();
  boolean squash;
  boolean removeSourceBranch;
  boolean mergeWhenPipelineSucceeds;

  /** The head pipeline's status, null for none. */
  String pipelineStatus;

  String sha;
  String mergeCommitSha;
  String squashCommitSha;
  Instant updatedAt;

  FakeMergeRequest(
      long id, long iid, String sourceBranch, String targetBranch, String title, Instant at) {
    this.id = id;
    this.iid = iid;
    this.sourceBranch = sourceBranch;
    this.targetBranch = targetBranch;
    this.title = title;
    this.createdAt = at;
    this.updatedAt = at;
  }

  public long iid() {
    return iid;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String state() {
    return state;
  }

  public String sourceBranch() {
    return sourceBranch;
  }

  public List<String> labels() {
    return List.copyOf(labels);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  public boolean squash() {
    return squash;
  }

  public List<Long> assigneeIds() {
    return List.copyOf(assigneeIds);
  }

  public boolean removeSourceBranch() {
    return removeSourceBranch;
  }

  public List<Long> reviewerIds() {
    return List.copyOf(reviewerIds);
  }

  public String mergeCommitSha() {
    return mergeCommitSha;
  }

  public String squashCommitSha() {
    return squashCommitSha;
  }

  boolean isDraft() {
    return title.startsWith("Draft:") || title.startsWith("[Draft]") || title.startsWith("(Draft)");
  }
}
