package io.gitops.promotion.rollback;

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
 * Runs one rollback through the {@link RunLoop}, as {@code PromotionEngine} runs a promotion: the
 * entry point of the CLI and of tests. A commit already pushed by an earlier attempt of the same
 * rollback is recognised by its {@code Rollback-Id} trailer and reported, never pushed twice.
 */
public final class RollbackEngine {
  private final Layout layout;
  private final Clock clock;
  private final RunLoop loop;
  private final Gates gates;

  public RollbackEngine(
      Layout layout,
      PersonIdent committer,
      Clock clock,
      RollbackListener listener,
      PushRetry retry) {
    this(layout, committer, clock, listener, retry, Gates.none());
  }

  /**
   * @param gates the freeze windows that hold an execution
   */
  public RollbackEngine(
      Layout layout,
      PersonIdent committer,
      Clock clock,
      RollbackListener listener,
      PushRetry retry,
      Gates gates) {
    this.layout = layout;
    this.clock = clock;
    this.gates = gates;
    this.loop = new RunLoop(committer, clock, retry, Sleeper.blocking(), adapt(listener));
  }

  /** At most {@code maxPushAttempts} attempts within the default budget. */
  public RollbackEngine(
      Layout layout,
      PersonIdent committer,
      Clock clock,
      RollbackListener listener,
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

  /**
   * @param mayHavePushedSince when an earlier attempt of this rollback may have pushed, or null
   *     when this is certainly the first attempt
   */
  public RollbackResult run(
      RollbackRequest request, GitWorkspace workspace, Instant mayHavePushedSince) {
    return loop.run(
        new RollbackChange(request, layout, clock, mayHavePushedSince, gates), workspace);
  }

  /**
   * Runs one rollback delivered another way than a direct push, e.g. through a merge request.
   *
   * @param delivery null for a direct push
   */
  public RollbackResult deliver(
      RollbackRequest request, GitWorkspace workspace, Delivery delivery) {
    return loop.runAll(List.of(change(request)), workspace, delivery, () -> {}).get(0).orThrow();
  }

  /** The result of a rollback whose merged merge request landed it as this commit. */
  public RollbackResult landed(RollbackRequest request, GitWorkspace workspace, String commit) {
    return loop.run(change(request).landedAs(commit), workspace);
  }

  private RollbackChange change(RollbackRequest request) {
    return new RollbackChange(request, layout, clock, null, gates);
  }

  private static RunListener adapt(RollbackListener listener) {
    return new RunListener() {
      @Override
      public void beforePush(List<Change<?>> changes, int attempt) {
        changes.forEach(c -> listener.beforePush(((RollbackChange) c).request(), attempt));
      }

      @Override
      public void pushRejected(List<Change<?>> changes, int attempt) {
        changes.forEach(c -> listener.pushRejected(((RollbackChange) c).request(), attempt));
      }
    };
  }
}
