/**
 * Rolling a recorded promotion back: the tags its {@code pre_state} holds are written again into
 * the target overlays of its group, in one commit that also records the rollback in the state file.
 *
 * <p>{@link io.gitops.promotion.rollback.RollbackPlanner} decides, from the state entry and the
 * overlays alone, what is restored and what is left alone because it changed since the promotion;
 * {@link io.gitops.promotion.rollback.RollbackEngine} syncs, plans, commits and pushes. The package
 * knows nothing of Kubernetes or GitLab.
 */
package io.gitops.promotion.rollback;
