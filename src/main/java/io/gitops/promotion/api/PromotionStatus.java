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
   * Rows of {@code preState} and of {@code postState} a status holds at most. Each row is written,
   * sent and decoded on every status write; a group of hundreds of services would make every write
   * of the resource slow, and a few thousand would pass the API server's object size limit.
   */
  public static final int MAX_STATE_ROWS = 250;

  @JsonPropertyDescription(
      "e.g. Promote [DEV] v1.5.0 -> [TST] v1.3.0; Preview [...] for a dry run; suffix (FORCED).")
  private String title;

  @JsonPropertyDescription("Release version: the lead service's source tag.")
  private String version;

  private String releaseTag;
  private List<ImageTagChange> changes;
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
    this.preState = bounded(pre);
    this.postState = bounded(post);
    this.stateTruncated = pre == null && post == null ? null : cut;
  }

  private static int rows(List<ApplicationTag> rows) {
    return rows == null ? 0 : rows.size();
  }

  private static List<ApplicationTag> bounded(List<ApplicationTag> rows) {
    return rows == null || rows.size() <= MAX_STATE_ROWS
        ? rows
        : List.copyOf(rows.subList(0, MAX_STATE_ROWS));
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
