package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Verification in Argo CD of a pushed promotion: until when, and what each Application shows. */
public class VerificationStatus {
  @JsonPropertyDescription(
      "RFC 3339 time after which an Application not yet Synced and Healthy fails the promotion.")
  private String deadline;

  @JsonPropertyDescription(
      "The services whose Applications are verified: every service the promotion changed.")
  private List<String> services;

  private List<ApplicationStatus> applications;

  @JsonPropertyDescription(
      "Name of the PromotionRollback created when verification failed (rollbackOnFailure).")
  private String rollback;

  public String getDeadline() {
    return deadline;
  }

  public void setDeadline(String deadline) {
    this.deadline = deadline;
  }

  public List<String> getServices() {
    return services;
  }

  public void setServices(List<String> services) {
    this.services = services;
  }

  public List<ApplicationStatus> getApplications() {
    return applications;
  }

  public void setApplications(List<ApplicationStatus> applications) {
    this.applications = applications;
  }

  public String getRollback() {
    return rollback;
  }

  public void setRollback(String rollback) {
    this.rollback = rollback;
  }
}
