package io.gitops.promotion.run;

import io.gitops.promotion.engine.PushConflictException;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.TransferCounter;
import io.gitops.promotion.gitlab.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Lands a batch of changes on a repository branch, the same way for promotions and rollbacks:
 * fetch; find the changes an earlier attempt already pushed (by their trailers); plan each of the
 * others on the files of the commit before it and commit it on top, without a work tree; push all
 * the commits through the {@link Delivery} (a push that expects the fetched head). A push refused
 * because someone else got there first is re-planned on the new head after a jittered, growing
 * wait, until the time budget is spent. A change whose plan is refused fails alone; the others go
 * on.
 */
public final class RunLoop {
  private final PersonIdent committer;
  private final Clock clock;
  private final PushRetry retry;
  private final Sleeper sleeper;
  private final RunListener listener;
  private final Delivery delivery;

  /** A loop that delivers by pushing straight to the branch. */
  public RunLoop(
      PersonIdent committer, Clock clock, PushRetry retry, Sleeper sleeper, RunListener listener) {
    this(committer, clock, retry, sleeper, listener, new PushDelivery());
  }

  public RunLoop(
      PersonIdent committer,
      Clock clock,
      PushRetry retry,
      Sleeper sleeper,
      RunListener listener,
      Delivery delivery) {
    this.committer = committer;
    this.clock = clock;
    this.retry = retry;
    this.sleeper = sleeper;
    this.listener = listener;
    this.delivery = delivery;
  }

  /** Runs one change; its refusal is thrown. */
  public <R> R run(Change<R> change, GitWorkspace workspace) {
    return runAll(List.of(change), workspace).get(0).orThrow();
  }

  /**
   * Runs a batch, in the given order: the commits follow each other in that order.
   *
   * @return one outcome per change, in the same order
   * @throws PushConflictException when every push within the budget was rejected
   * @throws RuntimeException from Git (network, authentication) for the whole batch
   */
  public <R> List<ChangeOutcome<R>> runAll(
      List<? extends Change<R>> changes, GitWorkspace workspace) {
    return runAll(changes, workspace, delivery, () -> {});
  }

  /**
   * Runs a batch as {@link #runAll(List, GitWorkspace)}, delivered another way than the loop's own
   * (e.g. through a merge request) when {@code delivery} is not null, and asking {@code fence}
   * before every fetch and every push: it throws (e.g. {@link WriteFencedException}) once this
   * process may no longer write.
   *
   * @param delivery null for the loop's own
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <R> List<ChangeOutcome<R>> runAll(
      List<? extends Change<R>> changes,
      GitWorkspace workspace,
      Delivery delivery,
      Runnable fence) {
    Delivery chosen = delivery == null ? this.delivery : delivery;
    long started = System.nanoTime();
    TransferCounter.Totals before = workspace.transfers();
    int rejections = 0;
    for (int attempt = 1; ; attempt++) {
      fence.run();
      List<Function<RunCounts, ChangeOutcome<R>>> outcomes = attempt(changes, workspace);
      List<Delivery.Committed> committed = committed(changes, outcomes);
      if (!committed.isEmpty()) {
        fence.run();
      }
      boolean pushed =
          committed.isEmpty() || deliver(chosen, changes, committed, workspace, attempt);
      if (pushed) {
        RunCounts counts = counts(rejections, workspace.transfers().minus(before), changes.size());
        return outcomes.stream().map(o -> o.apply(counts)).toList();
      }
      rejections++;
      listener.pushRejected((List) changes, attempt);
      Duration delay = retry.delayAfter(rejections);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (attempt >= retry.maxAttempts() || elapsed.plus(delay).compareTo(retry.budget()) > 0) {
        throw new PushConflictException(attempt, elapsed);
      }
      pause(delay);
    }
  }

  private <R> List<Function<RunCounts, ChangeOutcome<R>>> attempt(
      List<? extends Change<R>> changes, GitWorkspace workspace) {
    workspace.sync();
    Map<String, String> earlier = earlierCommits(changes, workspace);
    List<Function<RunCounts, ChangeOutcome<R>>> outcomes = new ArrayList<>();
    for (Change<R> change : changes) {
      String pushedBefore =
          change
              .landedAs()
              .orElse(earlier.get(change.trailer().key() + ": " + change.trailer().value()));
      if (pushedBefore != null) {
        outcomes.add(counts -> ChangeOutcome.done(change.resumed(pushedBefore, workspace, counts)));
        continue;
      }
      try {
        Planned<R> planned = change.plan(workspace.files());
        if (planned.writes().isEmpty()) {
          outcomes.add(counts -> ChangeOutcome.done(planned.result(null, counts)));
        } else {
          String commit =
              workspace.commit(
                  planned.writes(),
                  planned.commitMessage(),
                  new PersonIdent(committer, Instant.now(clock)));
          outcomes.add(new Pending<>(planned, commit));
        }
      } catch (RequestRejectedException e) {
        outcomes.add(counts -> ChangeOutcome.rejected(e));
      }
    }
    return outcomes;
  }

  /** One walk of the recent history finds the commits earlier attempts of the batch pushed. */
  private static Map<String, String> earlierCommits(
      List<? extends Change<?>> changes, GitWorkspace workspace) {
    Instant since =
        changes.stream()
            .map(Change::mayHavePushedSince)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
    if (since == null) {
      return Map.of();
    }
    List<String> keys =
        changes.stream()
            .filter(c -> c.mayHavePushedSince() != null)
            .map(c -> c.trailer().key())
            .distinct()
            .toList();
    return workspace.commitsWithTrailers(keys, since);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean deliver(
      Delivery delivery,
      List<? extends Change<?>> changes,
      List<Delivery.Committed> committed,
      GitWorkspace workspace,
      int attempt) {
    listener.beforePush((List) changes, attempt);
    return delivery.deliver(workspace, (List) changes, committed);
  }

  private static <R> List<Delivery.Committed> committed(
      List<? extends Change<R>> changes, List<Function<RunCounts, ChangeOutcome<R>>> outcomes) {
    List<Delivery.Committed> committed = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      if (outcomes.get(i) instanceof Pending<R> pending) {
        committed.add(new Delivery.Committed(changes.get(i), pending.planned(), pending.commit()));
      }
    }
    return committed;
  }

  private void pause(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to push again", e);
    }
  }

  private static RunCounts counts(int rejections, TransferCounter.Totals traffic, int batchSize) {
    return new RunCounts(
        rejections, traffic.roundTrips(), traffic.bytesFetched(), traffic.bytesPushed(), batchSize);
  }

  /** A change committed locally whose result waits for the push. */
  private record Pending<R>(Planned<R> planned, String commit)
      implements Function<RunCounts, ChangeOutcome<R>> {
    @Override
    public ChangeOutcome<R> apply(RunCounts counts) {
      return ChangeOutcome.done(planned.result(commit, counts));
    }
  }
}
