package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The GitLab merge request a run into a gated environment goes through, as last seen. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MergeRequestStatus {
  @JsonPropertyDescription("The request's number in its project (!iid).")
  private Long iid;

  private String url;

  @JsonPropertyDescription("The review branch the commit was pushed to.")
  private String sourceBranch;

  @JsonPropertyDescription("opened, closed, locked or merged.")
  private String state;

  @JsonPropertyDescription(
      "GitLab's detailed_merge_status, e.g. not_approved, ci_still_running, mergeable, conflict.")
  private String detailedMergeStatus;

  private Integer approvalsGiven;

  @JsonPropertyDescription("Absent when the project has no approval rules.")
  private Integer approvalsRequired;

  @JsonPropertyDescription("The head pipeline's status, absent when there is none.")
  private String pipeline;

  @JsonPropertyDescription("The commit the request landed as on the branch, once merged.")
  private String mergedCommit;

  @JsonPropertyDescription(
      "RFC 3339 time after which an unmerged request is closed and the run fails; absent: no limit.")
  private String deadline;

  @JsonPropertyDescription(
      "Looks at an unchanged request so far; the wait between looks grows with it.")
  private Integer looks;

  @JsonPropertyDescription(
      "Times the promotion was planned again on the moved branch and its review branch replaced,"
          + " because the request could not merge (conflict, needs rebase); absent: none.")
  private Integer replans;

  /** Whether what people see of the request (state, merge status, approvals, pipeline) differs. */
  public boolean differsFrom(MergeRequestStatus other) {
    return other == null
        || !Objects.equals(state, other.state)
        || !Objects.equals(detailedMergeStatus, other.detailedMergeStatus)
        || !Objects.equals(approvalsGiven, other.approvalsGiven)
        || !Objects.equals(pipeline, other.pipeline);
  }

  public Long getIid() {
    return iid;
  }

  public void setIid(Long iid) {
    this.iid = iid;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSourceBranch() {
    return sourceBranch;
  }

  public void setSourceBranch(String sourceBranch) {
    this.sourceBranch = sourceBranch;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getDetailedMergeStatus() {
    return detailedMergeStatus;
  }

  public void setDetailedMergeStatus(String detailedMergeStatus) {
    this.detailedMergeStatus = detailedMergeStatus;
  }

  public Integer getApprovalsGiven() {
    return approvalsGiven;
  }

  public void setApprovalsGiven(Integer approvalsGiven) {
    this.approvalsGiven = approvalsGiven;
  }

  public Integer getApprovalsRequired() {
    return approvalsRequired;
  }

  public void setApprovalsRequired(Integer approvalsRequired) {
    this.approvalsRequired = approvalsRequired;
  }

  public String getPipeline() {
    return pipeline;
  }

  public void setPipeline(String pipeline) {
    this.pipeline = pipeline;
  }

  public String getMergedCommit() {
    return mergedCommit;
  }

  public void setMergedCommit(String mergedCommit) {
    this.mergedCommit = mergedCommit;
  }

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }

  public Integer getLooks() {
    return looks;
  }

  public void setLooks(Integer looks) {
    this.looks = looks;
  }

  public Integer getReplans() {
    return replans;
  }

  public void setReplans(Integer replans) {
    this.replans = replans;
  }
}
