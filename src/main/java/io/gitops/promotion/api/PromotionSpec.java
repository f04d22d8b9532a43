package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What a {@link Promotion} asks for: which group, from where to where, and whether to only preview.
 * The CEL rules make the API server reject a request the operator would refuse anyway, and keep the
 * spec fixed once created except for the approval of a preview ({@code dryRun: true -> false}).
 */
@ValidationRule(
    value = "self.sourceEnv.lowerAscii() != self.targetEnv.lowerAscii()",
    message = "sourceEnv and targetEnv must differ")
@ValidationRule(
    value = "!self.force || (has(self.reason) && self.reason.trim() != '')",
    message = "reason is required when force is true")
@ValidationRule(
    value = PromotionSpec.IMMUTABLE_EXCEPT_APPROVAL,
    message = "spec is immutable except dryRun: true -> false")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PromotionSpec {
  /**
   * Every field keeps its value, optional ones stay absent or present, and dryRun may only go true
   * -> false.
   */
  static final String IMMUTABLE_EXCEPT_APPROVAL =
      "self.workloadGroup == oldSelf.workloadGroup"
          + " && self.sourceEnv == oldSelf.sourceEnv"
          + " && self.targetEnv == oldSelf.targetEnv"
          + " && self.force == oldSelf.force"
          + " && has(self.repository) == has(oldSelf.repository)"
          + " && (!has(self.repository) || self.repository == oldSelf.repository)"
          + " && has(self.versionService) == has(oldSelf.versionService)"
          + " && (!has(self.versionService) || self.versionService == oldSelf.versionService)"
          + " && has(self.reason) == has(oldSelf.reason)"
          + " && (!has(self.reason) || self.reason == oldSelf.reason)"
          + " && (oldSelf.dryRun || !self.dryRun)";

  @JsonPropertyDescription(
      "Repository from the operator configuration; optional when it configures exactly one.")
  @Pattern(ApiPatterns.PLAIN_NAME)
  @Size(max = 63)
  private String repository;

  @JsonPropertyDescription("Workload group to promote: every service under workloads/<group>.")
  @Required
  @Pattern(ApiPatterns.PLAIN_NAME)
  @Size(max = 63)
  private String workloadGroup;

  @JsonPropertyDescription("Environment whose tags are copied, e.g. DEV.")
  @Required
  @Pattern(ApiPatterns.ENVIRONMENT)
  @Size(max = 16)
  private String sourceEnv;

  @JsonPropertyDescription("Environment whose overlays receive the tags, e.g. TST.")
  @Required
  @Pattern(ApiPatterns.ENVIRONMENT)
  @Size(max = 16)
  private String targetEnv;

  @JsonPropertyDescription(
      "Lead service whose source tag is the release version (service or group/service); "
          + "default from the operator configuration, else the service named like the group.")
  @Pattern(ApiPatterns.VERSION_SERVICE)
  @Size(max = 127)
  private String versionService;

  @JsonPropertyDescription(
      "Only compute the plan and diff (phase Previewed). Set to false to execute the previewed plan.")
  @Default("true")
  private boolean dryRun = true;

  @JsonPropertyDescription("Promote outside the linear promotion path; needs a reason.")
  @Default("false")
  private boolean force;

  @JsonPropertyDescription(
      "Why; required when force is true. Recorded in the commit and the state file.")
  @Size(max = ApiPatterns.REASON_MAX_LENGTH)
  private String reason;

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

  public String getSourceEnv() {
    return sourceEnv;
  }

  public void setSourceEnv(String sourceEnv) {
    this.sourceEnv = sourceEnv;
  }

  public String getTargetEnv() {
    return targetEnv;
  }

  public void setTargetEnv(String targetEnv) {
    this.targetEnv = targetEnv;
  }

  public String getVersionService() {
    return versionService;
  }

  public void setVersionService(String versionService) {
    this.versionService = versionService;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  public void setDryRun(boolean dryRun) {
    this.dryRun = dryRun;
  }

  public boolean isForce() {
    return force;
  }

  public void setForce(boolean force) {
    this.force = force;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
