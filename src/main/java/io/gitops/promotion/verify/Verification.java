package io.gitops.promotion.verify;

import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Judges the Applications of a promotion against its commit. An Application counts when its sync
 * revision is the commit or a commit after it on the branch, it is {@code Synced} and {@code
 * Healthy}. One {@code Degraded} Application fails the verification at once; otherwise it waits
 * until the deadline.
 */
public final class Verification {
  private final BiPredicate<String, String> isAtOrAfter;

  /**
   * @param isAtOrAfter (commit, revision) -> whether the revision is the commit or one after it
   */
  public Verification(BiPredicate<String, String> isAtOrAfter) {
    this.isAtOrAfter = isAtOrAfter;
  }

  public Verdict judge(
      List<ApplicationState> applications,
      String commit,
      Instant now,
      Instant deadline,
      boolean required) {
    if (applications.isEmpty()) {
      return required
          ? new Verdict(
              Verdict.Outcome.FAILED,
              "no Argo CD Application found for the promoted services",
              applications)
          : new Verdict(
              Verdict.Outcome.SKIPPED,
              "no Argo CD Application found for the promoted services; not verified",
              applications);
    }
    List<ApplicationState> degraded =
        applications.stream().filter(a -> "Degraded".equals(a.health())).toList();
    if (!degraded.isEmpty()) {
      return new Verdict(Verdict.Outcome.FAILED, "degraded: " + describe(degraded), applications);
    }
    List<ApplicationState> pending = applications.stream().filter(a -> !ready(a, commit)).toList();
    if (pending.isEmpty()) {
      return new Verdict(
          Verdict.Outcome.VERIFIED,
          applications.size() + " Application(s) Synced at the commit and Healthy",
          applications);
    }
    if (!now.isBefore(deadline)) {
      return new Verdict(
          Verdict.Outcome.FAILED,
          "not Synced and Healthy at the commit by " + deadline + ": " + describe(pending),
          applications);
    }
    return new Verdict(Verdict.Outcome.WAITING, "waiting for " + describe(pending), applications);
  }

  private boolean ready(ApplicationState app, String commit) {
    return "Synced".equals(app.syncStatus())
        && "Healthy".equals(app.health())
        && app.revision() != null
        && isAtOrAfter.test(commit, app.revision());
  }

  private static String describe(List<ApplicationState> apps) {
    return apps.stream().map(ApplicationState::describe).collect(Collectors.joining("; "));
  }
}
