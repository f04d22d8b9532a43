package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one after-step (e.g. {@code gitlab}) did, under its own name. */
public class StepStatus {
  @JsonPropertyDescription("The step's name, e.g. gitlab.")
  private String name;

  @JsonPropertyDescription("Succeeded, Skipped or Failed.")
  private String result;

  private String message;

  @JsonPropertyDescription("RFC 3339 time the result was recorded.")
  private String lastTransitionTime;

  public StepStatus() {}

  public StepStatus(String name, String result, String message, String lastTransitionTime) {
    this.name = name;
    this.result = result;
    this.message = message;
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }
}
