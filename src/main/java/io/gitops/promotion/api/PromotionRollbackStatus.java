package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * What a {@link PromotionRollback} did: its result, which promotion it undid, the applications it
 * restored, those it left alone because their tag drifted since the promotion, and the GitLab
 * deployments of the restored versions (a rollback makes no release).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PromotionRollbackStatus extends RunStatus {
  private RollbackStatusResult result;

  @JsonPropertyDescription(
      "Id of the promotion rolled back (the Promotion-Id trailer of its commit).")
  private String promotionId;

  @JsonPropertyDescription(
      "The tags the rollback restores, one {service, app, from, to} per application, at most "
          + PromotionStatus.MAX_CHANGE_ROWS
          + " rows (restoredTruncated).")
  private List<ImageTagChange> restored;

  @JsonPropertyDescription(
      "True when more than "
          + PromotionStatus.MAX_CHANGE_ROWS
          + " applications are restored: restored then holds the first "
          + PromotionStatus.MAX_CHANGE_ROWS
          + ", and every restoration is in the commit.")
  private Boolean restoredTruncated;

  private List<RollbackConflict> conflicts;
  private GitLabStatus gitlab;

  @JsonPropertyDescription(
      "The workload group rolled back, resolved from spec or from the named Promotion.")
  private String workloadGroup;

  @JsonPropertyDescription(
      "The environment rolled back, resolved from spec or from the named Promotion.")
  private String targetEnv;

  @JsonPropertyDescription(
      "True when an emergency rollback was pushed directly, bypassing the merge request gate.")
  private Boolean emergency;

  public Boolean getEmergency() {
    return emergency;
  }

  public void setEmergency(Boolean emergency) {
    this.emergency = emergency;
  }

  @JsonPropertyDescription(
      "The configured repository rolled back, resolved from spec or from the named Promotion.")
  private String repository;

  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  public String getWorkloadGroup() {
    return workloadGroup;
  }

  public void setWorkloadGroup(String workloadGroup) {
    this.workloadGroup = workloadGroup;
  }

  public String getTargetEnv() {
    return targetEnv;
  }

  public void setTargetEnv(String targetEnv) {
    this.targetEnv = targetEnv;
  }

  public RollbackStatusResult getResult() {
    return result;
  }

  public void setResult(RollbackStatusResult result) {
    this.result = result;
  }

  public String getPromotionId() {
    return promotionId;
  }

  public void setPromotionId(String promotionId) {
    this.promotionId = promotionId;
  }

  public List<ImageTagChange> getRestored() {
    return restored;
  }

  public void setRestored(List<ImageTagChange> restored) {
    this.restored = restored;
  }

  /**
   * Keeps at most {@link PromotionStatus#MAX_CHANGE_ROWS} restorations, in the order given, and
   * records whether any were left out (the same bound and reasons as a promotion's changes).
   */
  public void setBoundedRestored(List<ImageTagChange> all) {
    this.restored = bounded(all, PromotionStatus.MAX_CHANGE_ROWS);
    this.restoredTruncated = all == null ? null : all.size() > PromotionStatus.MAX_CHANGE_ROWS;
  }

  public Boolean getRestoredTruncated() {
    return restoredTruncated;
  }

  public void setRestoredTruncated(Boolean restoredTruncated) {
    this.restoredTruncated = restoredTruncated;
  }

  public List<RollbackConflict> getConflicts() {
    return conflicts;
  }

  public void setConflicts(List<RollbackConflict> conflicts) {
    this.conflicts = conflicts;
  }

  public GitLabStatus getGitlab() {
    return gitlab;
  }

  public void setGitlab(GitLabStatus gitlab) {
    this.gitlab = gitlab;
  }
}
