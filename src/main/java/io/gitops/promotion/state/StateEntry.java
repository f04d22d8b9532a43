package io.gitops.promotion.state;

import java.util.List;

/**
 * The state file's record of the latest promotion of one group into one environment: its metadata,
 * the tags it replaced ({@code pre_state}), the tags it wrote ({@code post_state}) and the
 * rollbacks made of it since.
 */
public record StateEntry(
    String group,
    PromotionRecord promotion,
    TagSnapshot preState,
    TagSnapshot postState,
    List<RollbackRecord> rollbacks) {

  public StateEntry {
    rollbacks = List.copyOf(rollbacks);
  }

  public StateEntry withRollback(RollbackRecord rollback) {
    List<RollbackRecord> all = new java.util.ArrayList<>(rollbacks);
    all.add(rollback);
    return new StateEntry(group, promotion, preState, postState, all);
  }
}
