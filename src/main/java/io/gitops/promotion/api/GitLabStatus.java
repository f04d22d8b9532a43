package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the GitLab steps of a promotion or rollback did: the release tag and release (a promotion
 * only), and the deployments. Each step records its result here so a retry resumes instead of
 * creating a second tag, release or deployment. {@code skipped} is true when GitLab is not
 * configured for the repository.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitLabStatus {
  private String releaseTag;
  private String releaseUrl;
  private Boolean tagCreated;
  private Boolean releaseCreated;
  private List<GitLabDeployment> deployments;
  private Boolean skipped;
  private List<String> warnings;

  public String getReleaseTag() {
    return releaseTag;
  }

  public void setReleaseTag(String releaseTag) {
    this.releaseTag = releaseTag;
  }

  public String getReleaseUrl() {
    return releaseUrl;
  }

  public void setReleaseUrl(String releaseUrl) {
    this.releaseUrl = releaseUrl;
  }

  public Boolean getTagCreated() {
    return tagCreated;
  }

  public void setTagCreated(Boolean tagCreated) {
    this.tagCreated = tagCreated;
  }

  public Boolean getReleaseCreated() {
    return releaseCreated;
  }

  public void setReleaseCreated(Boolean releaseCreated) {
    this.releaseCreated = releaseCreated;
  }

  public List<GitLabDeployment> getDeployments() {
    return deployments;
  }

  public void setDeployments(List<GitLabDeployment> deployments) {
    this.deployments = deployments;
  }

  public Boolean getSkipped() {
    return skipped;
  }

  public void setSkipped(Boolean skipped) {
    this.skipped = skipped;
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public void setWarnings(List<String> warnings) {
    this.warnings = warnings;
  }
}
