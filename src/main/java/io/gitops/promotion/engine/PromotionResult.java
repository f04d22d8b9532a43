package io.gitops.promotion.engine;

import io.gitops.promotion.run.RunCounts;
import io.gitops.promotion.state.TagSnapshot;
import java.util.List;

/**
 * What a promotion run did: its outcome, the plan it executed and the commit it pushed. The GitLab
 * steps that follow add their own results.
 *
 * @param commit the pushed commit, null unless promoted
 * @param resumed true when the commit was found already pushed by an earlier attempt of the same
 *     promotion
 * @param pushRejections how many pushes the remote rejected because the branch moved
 * @param counts what landing it cost in Git traffic (shared with the other changes of its batch)
 */
public record PromotionResult(
    PromotionOutcome outcome,
    String title,
    PromotionPlan plan,
    UnifiedDiff unifiedDiff,
    String commit,
    boolean resumed,
    int pushRejections,
    RunCounts counts) {

  public PromotionResult(
      PromotionOutcome outcome,
      String title,
      PromotionPlan plan,
      String diff,
      String commit,
      boolean resumed,
      int pushRejections) {
    this(
        outcome,
        title,
        plan,
        UnifiedDiff.ofText(diff),
        commit,
        resumed,
        pushRejections,
        RunCounts.NONE);
  }

  /** The whole diff of the target files. */
  public String diff() {
    return unifiedDiff.text();
  }

  public String version() {
    return plan == null ? null : plan.version();
  }

  public String releaseTag() {
    return plan == null ? null : plan.releaseTag();
  }

  public List<TagChange> changes() {
    return plan == null ? List.of() : plan.changes();
  }

  /** The services with a changed tag, each once, in the order of the changes. */
  public List<String> changedServices() {
    return changes().stream().map(TagChange::service).distinct().toList();
  }

  public List<String> warnings() {
    return plan == null ? List.of() : plan.warnings();
  }

  public TagSnapshot preState() {
    return plan == null ? TagSnapshot.of(java.util.Map.of()) : plan.preState();
  }

  public TagSnapshot postState() {
    return plan == null ? TagSnapshot.of(java.util.Map.of()) : plan.postState();
  }
}
