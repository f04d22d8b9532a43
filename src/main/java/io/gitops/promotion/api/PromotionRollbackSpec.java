package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Which promotion a {@link PromotionRollback} undoes: a named {@link Promotion}, or the latest
 * promotion recorded for a workload group in an environment. Executes unless {@code dryRun}.
 */
@ValidationRule(
    value = "has(self.promotionRef) || (has(self.workloadGroup) && has(self.targetEnv))",
    message = "either promotionRef or workloadGroup and targetEnv is required")
@ValidationRule(
    value =
        "!has(self.promotionRef) || !(has(self.workloadGroup) || has(self.targetEnv) || has(self.repository))",
    message = "promotionRef cannot be combined with workloadGroup, targetEnv or repository")
@ValidationRule(
    value = "!self.force || (has(self.reason) && self.reason.trim() != '')",
    message = "reason is required when force is true")
@ValidationRule(
    value = "!self.emergency || (has(self.reason) && self.reason.trim() != '')",
    message = "reason is required when emergency is true")
@ValidationRule(
    value = "self == oldSelf",
    message = "spec is immutable: a rollback runs once; create a new PromotionRollback instead")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PromotionRollbackSpec {
  @JsonPropertyDescription(
      "The Promotion (same namespace) whose recorded pre-promotion tags are restored.")
  private PromotionRef promotionRef;

  @JsonPropertyDescription(
      "With targetEnv: roll back the latest promotion recorded for this group there.")
  @Pattern(ApiPatterns.PLAIN_NAME)
  @Size(max = 63)
  private String workloadGroup;

  @Pattern(ApiPatterns.ENVIRONMENT)
  @Size(max = 16)
  private String targetEnv;

  @JsonPropertyDescription(
      "Repository from the operator configuration; optional when it configures exactly one.")
  @Pattern(ApiPatterns.PLAIN_NAME)
  @Size(max = 63)
  private String repository;

  @JsonPropertyDescription("Only show what would be restored.")
  @Default("false")
  private boolean dryRun;

  @JsonPropertyDescription(
      "Restore drifted applications too, and promotions older than the rollback window.")
  @Default("false")
  private boolean force;

  @JsonPropertyDescription(
      "Push directly into an environment gated by mergeRequest, without a merge request; the reason"
          + " goes into the commit's Forced trailer and a Warning Event.")
  @Default("false")
  private boolean emergency;

  @JsonPropertyDescription("Why; required when force or emergency is true.")
  @Size(max = ApiPatterns.REASON_MAX_LENGTH)
  private String reason;

  public PromotionRef getPromotionRef() {
    return promotionRef;
  }

  public void setPromotionRef(PromotionRef promotionRef) {
    this.promotionRef = promotionRef;
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

  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
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

  public boolean isEmergency() {
    return emergency;
  }

  public void setEmergency(boolean emergency) {
    this.emergency = emergency;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
