package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The gate that holds a run, while it holds it: a freeze window or soak time. */
public class GateStatus {
  @JsonPropertyDescription("FreezeWindow or Soaking.")
  private String reason;

  private String message;

  @JsonPropertyDescription(
      "RFC 3339 time the gate opens and the run starts by itself; absent when unknown.")
  private String opensAt;

  public GateStatus() {}

  public GateStatus(String reason, String message, String opensAt) {
    this.reason = reason;
    this.message = message;
    this.opensAt = opensAt;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(String opensAt) {
    this.opensAt = opensAt;
  }
}
