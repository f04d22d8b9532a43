package io.gitops.promotion.engine;

import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.PushRetry;
import io.gitops.promotion.run.RunListener;
import io.gitops.promotion.run.RunLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Runs one promotion through the {@link RunLoop}: the entry point of the CLI and of tests. A push
 * rejected because the branch moved is re-planned on the new head within the retry budget; a commit
 * already pushed by an earlier attempt of the same promotion is recognised by its {@code
 * Promotion-Id} trailer and never pushed twice.
 */
public final class PromotionEngine {
  private final Layout layout;
  private final Clock clock;
  private final RunLoop loop;
  private final Gates gates;

  public PromotionEngine(
      Layout layout,
      PersonIdent committer,
      Clock clock,
      PromotionListener listener,
      PushRetry retry) {
    this(layout, committer, clock, listener, retry, Gates.none());
  }

  /**
   * @param gates the freeze windows and soak times that hold an execution
   */
  public PromotionEngine(
      Layout layout,
      PersonIdent committer,
      Clock clock,
      PromotionListener listener,
      PushRetry retry,
      Gates gates) {
    this.layout = layout;
    this.clock = clock;
    this.gates = gates;
    this.loop = new RunLoop(committer, clock, retry, Sleeper.blocking(), adapt(listener));
  }

  /** At most {@code maxPushAttempts} attempts within the default budget. */
  public PromotionEngine(
      Layout layout,
      PersonIdent committer,
      Clock clock,
      PromotionListener listener,
      int maxPushAttempts) {
    this(
        layout,
        committer,
        clock,
        listener,
        new PushRetry(
            PushRetry.DEFAULT.budget(),
            maxPushAttempts,
            PushRetry.DEFAULT.firstStep(),
            PushRetry.DEFAULT.maxStep()));
  }

  public PromotionResult run(PromotionRequest request, GitWorkspace workspace, RunOptions options) {
    return loop.run(change(request, options), workspace);
  }

  /**
   * Runs one promotion delivered another way than a direct push, e.g. through a merge request.
   *
   * @param delivery null for a direct push
   */
  public PromotionResult run(
      PromotionRequest request, GitWorkspace workspace, RunOptions options, Delivery delivery) {
    return loop.runAll(List.of(change(request, options)), workspace, delivery, () -> {})
        .get(0)
        .orThrow();
  }

  /**
   * Runs one promotion's change, e.g. one whose merge request carries the release's changelog,
   * delivered another way than a direct push when {@code delivery} is not null.
   */
  public PromotionResult run(PromotionChange change, GitWorkspace workspace, Delivery delivery) {
    return loop.runAll(List.of(change), workspace, delivery, () -> {}).get(0).orThrow();
  }

  public PromotionChange change(PromotionRequest request, RunOptions options) {
    return PromotionChange.of(request, layout, clock, gates, options);
  }

  private static RunListener adapt(PromotionListener listener) {
    return new RunListener() {
      @Override
      public void beforePush(List<Change<?>> changes, int attempt) {
        changes.forEach(c -> listener.beforePush(((PromotionChange) c).request(), attempt));
      }

      @Override
      public void pushRejected(List<Change<?>> changes, int attempt) {
        changes.forEach(c -> listener.pushRejected(((PromotionChange) c).request(), attempt));
      }
    };
  }

  /**
   * @param approvedFingerprint the fingerprint of the previewed plan an approval executes, or null
   * @param mayHavePushedSince when an earlier attempt of this promotion may have pushed, or null
   *     when this is certainly the first attempt
   * @param landedCommit the commit its merged merge request landed as, or null
   * @param origin who asked, for a merge request's description (e.g. {@code Promotion default/x}),
   *     or null
   */
  public record RunOptions(
      String approvedFingerprint, Instant mayHavePushedSince, String landedCommit, String origin) {
    public RunOptions(String approvedFingerprint, Instant mayHavePushedSince) {
      this(approvedFingerprint, mayHavePushedSince, null, null);
    }

    public static RunOptions firstAttempt() {
      return new RunOptions(null, null);
    }

    /** The same run, resumed from the commit its merged merge request landed as. */
    public RunOptions landedAs(String commit) {
      return new RunOptions(approvedFingerprint, mayHavePushedSince, commit, origin);
    }
  }
}
