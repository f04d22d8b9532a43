package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * Everything a person reads about a {@link Promotion} with {@code kubectl get} and {@code kubectl
 * describe}: title, version, per-application changes, warnings, the diff, the tags before and after
 * (one row per application of the spec's workload group), the commit, and the GitLab results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PromotionStatus extends RunStatus {
  /**
   * Rows of {@code changes} a status holds at most. Each row is written, sent, stored and decoded
   * on every status write: for a 500-service group the whole list made each write of the resource
   * three times as large and about 80 ms slower, and a few thousand services would pass the API
   * server's object size limit. The complete list is in the commit and its state file.
   */
  public static final int MAX_CHANGE_ROWS = 250;

  /**
   * Rows of {@code preState} and of {@code postState} a status holds at most (the same reasons as
   * {@link #MAX_CHANGE_ROWS}; their changed rows are in {@code changes} already).
   */
  public static final int MAX_STATE_ROWS = 100;

  @JsonPropertyDescription(
      "e.g. Promote [DEV] v1.5.0 -> [TST] v1.3.0; Preview [...] for a dry run; suffix (FORCED).")
  private String title;

  @JsonPropertyDescription("Release version: the lead service's source tag.")
  private String version;

  private String releaseTag;

  @JsonPropertyDescription(
      "The tags the promotion changes, one {service, app, from, to} per application, at most "
          + MAX_CHANGE_ROWS
          + " rows (changesTruncated).")
  private List<ImageTagChange> changes;

  @JsonPropertyDescription(
      "True when more than "
          + MAX_CHANGE_ROWS
          + " applications change: changes then holds the first "
          + MAX_CHANGE_ROWS
          + ", and every change is in the commit and its state file.")
  private Boolean changesTruncated;

  private List<String> warnings;

  @JsonPropertyDescription(
      "Target tags before the promotion, one {service, app, tag} per application of the group.")
  @JsonDeserialize(using = ApplicationTagRows.class)
  private List<ApplicationTag> preState;

  @JsonPropertyDescription(
      "Target tags after the promotion, one {service, app, tag} per application of the group.")
  @JsonDeserialize(using = ApplicationTagRows.class)
  private List<ApplicationTag> postState;

  @JsonPropertyDescription(
      "True when the group has more than "
          + MAX_STATE_ROWS
          + " applications: preState and postState then hold the first "
          + MAX_STATE_ROWS
          + " rows each, and the complete snapshots are in the state file of the commit.")
  private Boolean stateTruncated;

  @JsonPropertyDescription(
      "Fingerprint of the previewed plan; an approval executes only this plan.")
  private String planFingerprint;

  @JsonPropertyDescription(
      "Pushes the remote rejected because the branch moved; each was re-planned.")
  private Integer pushRejections;

  private GitLabStatus gitlab;
  private VerificationStatus verification;

  public VerificationStatus getVerification() {
    return verification;
  }

  public void setVerification(VerificationStatus verification) {
    this.verification = verification;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getReleaseTag() {
    return releaseTag;
  }

  public void setReleaseTag(String releaseTag) {
    this.releaseTag = releaseTag;
  }

  public List<ImageTagChange> getChanges() {
    return changes;
  }

  public void setChanges(List<ImageTagChange> changes) {
    this.changes = changes;
  }

  /**
   * Keeps at most {@link #MAX_CHANGE_ROWS} changes, in the order given, and records whether any
   * were left out.
   */
  public void setBoundedChanges(List<ImageTagChange> all) {
    this.changes = bounded(all, MAX_CHANGE_ROWS);
    this.changesTruncated = all == null ? null : all.size() > MAX_CHANGE_ROWS;
  }

  public Boolean getChangesTruncated() {
    return changesTruncated;
  }

  public void setChangesTruncated(Boolean changesTruncated) {
    this.changesTruncated = changesTruncated;
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public void setWarnings(List<String> warnings) {
    this.warnings = warnings;
  }

  public List<ApplicationTag> getPreState() {
    return preState;
  }

  public void setPreState(List<ApplicationTag> preState) {
    this.preState = preState;
  }

  /**
   * Keeps at most {@link #MAX_STATE_ROWS} rows of each snapshot, in the order given, and records
   * whether any were left out.
   */
  public void setBoundedState(List<ApplicationTag> pre, List<ApplicationTag> post) {
    boolean cut = rows(pre) > MAX_STATE_ROWS || rows(post) > MAX_STATE_ROWS;
    this.preState = bounded(pre, MAX_STATE_ROWS);
    this.postState = bounded(post, MAX_STATE_ROWS);
    this.stateTruncated = pre == null && post == null ? null : cut;
  }

  private static int rows(List<ApplicationTag> rows) {
    return rows == null ? 0 : rows.size();
  }

  public Boolean getStateTruncated() {
    return stateTruncated;
  }

  public void setStateTruncated(Boolean stateTruncated) {
    this.stateTruncated = stateTruncated;
  }

  public List<ApplicationTag> getPostState() {
    return postState;
  }

  public void setPostState(List<ApplicationTag> postState) {
    this.postState = postState;
  }

  public String getPlanFingerprint() {
    return planFingerprint;
  }

  public void setPlanFingerprint(String planFingerprint) {
    this.planFingerprint = planFingerprint;
  }

  public Integer getPushRejections() {
    return pushRejections;
  }

  public void setPushRejections(Integer pushRejections) {
    this.pushRejections = pushRejections;
  }

  public GitLabStatus getGitlab() {
    return gitlab;
  }

  public void setGitlab(GitLabStatus gitlab) {
    this.gitlab = gitlab;
  }
}
