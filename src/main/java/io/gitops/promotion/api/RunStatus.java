package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every run-once resource reports: the phase, standard conditions, the commit it pushed, the
 * bounded diff, when it ran, and a human message with a reason constant. Extended by {@link
 * PromotionStatus} and {@link PromotionRollbackStatus}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class RunStatus {
  /**
   * Longest diff kept on the status: the resource must stay far below the API server's size limit,
   * and every status write sends, stores and decodes it again (the whole diff is in the commit).
   */
  public static final int MAX_DIFF_CHARS = 16 * 1024;

  static final int SHORT_COMMIT_LENGTH = 8;

  private Phase phase;
  private List<Condition> conditions;

  @JsonPropertyDescription("metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("RFC 3339 time the run started.")
  private String startedAt;

  @JsonPropertyDescription("RFC 3339 time the run reached a terminal phase.")
  private String completedAt;

  private String message;

  @JsonPropertyDescription("Reason constant of the current phase, e.g. PlanChanged.")
  private String reason;

  @JsonPropertyDescription("SHA of the pushed commit.")
  private String commit;

  @JsonPropertyDescription("First 8 characters of commit, for kubectl get.")
  private String shortCommit;

  @JsonPropertyDescription("Unified diff of the change, cut at " + MAX_DIFF_CHARS + " characters.")
  private String diff;

  private Boolean diffTruncated;

  @JsonPropertyDescription("Git round trips and bytes of the run (shared with its batch).")
  private GitTraffic git;

  @JsonPropertyDescription(
      "What each after-step (gitlab, ...) did, by name, in the order they ran.")
  private List<StepStatus> steps;

  @JsonPropertyDescription("The freeze window or soak time holding the run, while it does.")
  private GateStatus gate;

  @JsonPropertyDescription("The operator replica that ran it (wrote this status last).")
  private String replica;

  @JsonPropertyDescription("The merge request of a run into an environment gated by mergeRequest.")
  private MergeRequestStatus mergeRequest;

  public MergeRequestStatus getMergeRequest() {
    return mergeRequest;
  }

  public void setMergeRequest(MergeRequestStatus mergeRequest) {
    this.mergeRequest = mergeRequest;
  }

  public String getReplica() {
    return replica;
  }

  public void setReplica(String replica) {
    this.replica = replica;
  }

  public GateStatus getGate() {
    return gate;
  }

  public void setGate(GateStatus gate) {
    this.gate = gate;
  }

  public List<StepStatus> getSteps() {
    return steps;
  }

  public void setSteps(List<StepStatus> steps) {
    this.steps = steps;
  }

  /**
   * Records an after-step's result, replacing an earlier one of the same name; the time moves only
   * on a change.
   */
  @JsonIgnore
  public void recordStep(String name, String result, String message, Instant now) {
    if (steps == null) {
      steps = new ArrayList<>();
    }
    for (StepStatus step : steps) {
      if (step.getName().equals(name)) {
        if (!result.equals(step.getResult())) {
          step.setLastTransitionTime(now.toString());
        }
        step.setResult(result);
        step.setMessage(message);
        return;
      }
    }
    steps.add(new StepStatus(name, result, message, now.toString()));
  }

  public GitTraffic getGit() {
    return git;
  }

  public void setGit(GitTraffic git) {
    this.git = git;
  }

  /** Sets one condition; see {@link Conditions#set}. Returns whether anything changed. */
  public boolean setCondition(
      String type, String status, String reason, String message, Long generation, Instant now) {
    if (conditions == null) {
      conditions = new ArrayList<>();
    }
    return Conditions.set(conditions, type, status, reason, message, generation, now);
  }

  /** The first {@code max} rows, or all of them when there are no more. */
  static <T> List<T> bounded(List<T> rows, int max) {
    return rows == null || rows.size() <= max ? rows : List.copyOf(rows.subList(0, max));
  }

  /**
   * Keeps at most {@link #MAX_DIFF_CHARS} of the diff, cut at a line end, and records whether it
   * was cut.
   */
  @JsonIgnore
  public void setBoundedDiff(String fullDiff) {
    if (fullDiff == null || fullDiff.length() <= MAX_DIFF_CHARS) {
      this.diff = fullDiff;
      this.diffTruncated = fullDiff == null ? null : Boolean.FALSE;
      return;
    }
    int cut = fullDiff.lastIndexOf('\n', MAX_DIFF_CHARS - 1);
    this.diff = fullDiff.substring(0, cut < 0 ? MAX_DIFF_CHARS : cut + 1);
    this.diffTruncated = Boolean.TRUE;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getCommit() {
    return commit;
  }

  /** Also sets {@link #getShortCommit()}, which the Commit printer column shows. */
  public void setCommit(String commit) {
    this.commit = commit;
    this.shortCommit =
        commit == null ? null : commit.substring(0, Math.min(SHORT_COMMIT_LENGTH, commit.length()));
  }

  public String getShortCommit() {
    return shortCommit;
  }

  public void setShortCommit(String shortCommit) {
    this.shortCommit = shortCommit;
  }

  public String getDiff() {
    return diff;
  }

  public void setDiff(String diff) {
    this.diff = diff;
  }

  public Boolean getDiffTruncated() {
    return diffTruncated;
  }

  public void setDiffTruncated(Boolean diffTruncated) {
    this.diffTruncated = diffTruncated;
  }
}
