package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.UnifiedDiff;
import io.gitops.promotion.run.RunCounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rollback run did: its outcome, which promotion it rolled back, the tags it restored (or
 * would, for a preview), the applications it left alone and the commit it pushed.
 *
 * @param commit the pushed commit, null unless something was restored and written
 * @param resumed true when the commit was found already pushed by an earlier attempt of the same
 *     rollback
 * @param pushRejections how many pushes the remote rejected because the branch moved
 * @param gitlabProjectIds the GitLab project of each restored application that has one, as {@link
 *     RollbackPlan#gitlabProjectIds()}
 * @param counts what landing it cost in Git traffic (shared with the other changes of its batch)
 */
public record RollbackResult(
    RollbackOutcome outcome,
    String title,
    String promotionId,
    List<Restoration> restored,
    List<Conflict> conflicts,
    UnifiedDiff unifiedDiff,
    String commit,
    boolean resumed,
    int pushRejections,
    Map<String, Long> gitlabProjectIds,
    RunCounts counts) {

  public RollbackResult {
    restored = List.copyOf(restored);
    conflicts = List.copyOf(conflicts);
    gitlabProjectIds = Map.copyOf(gitlabProjectIds);
  }

  public RollbackResult(
      RollbackOutcome outcome,
      String title,
      String promotionId,
      List<Restoration> restored,
      List<Conflict> conflicts,
      String diff,
      String commit,
      boolean resumed,
      int pushRejections,
      Map<String, Long> gitlabProjectIds) {
    this(
        outcome,
        title,
        promotionId,
        restored,
        conflicts,
        UnifiedDiff.ofText(diff),
        commit,
        resumed,
        pushRejections,
        gitlabProjectIds,
        RunCounts.NONE);
  }

  /** The whole diff of the target files. */
  public String diff() {
    return unifiedDiff.text();
  }

  /** The GitLab project of a restored application's source, if its target overlay names one. */
  public Optional<Long> gitlabProjectId(Restoration restoration) {
    String key = PromotionPlan.applicationKey(restoration.service(), restoration.app());
    return Optional.ofNullable(gitlabProjectIds.get(key));
  }

  static RollbackResult of(
      RollbackPlan plan,
      RollbackOutcome outcome,
      UnifiedDiff diff,
      String commit,
      boolean resumed,
      RunCounts counts) {
    return new RollbackResult(
        outcome,
        RollbackCommitMessage.title(plan),
        plan.promotionId(),
        plan.restorations(),
        plan.conflicts(),
        diff,
        commit,
        resumed,
        counts.pushRejections(),
        plan.gitlabProjectIds(),
        counts);
  }
}
