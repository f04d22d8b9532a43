package io.gitops.promotion.run;

import io.gitops.promotion.git.GitWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a repository branch in a long-running process. Changes are submitted under a
 * key (a resource's uid) and landed in batches on the writer's own thread: everything queued when a
 * batch starts, in submission order key ({@link Submission#order()}), up to a bound, as one commit
 * each on top of the previous, in one push. Whoever submitted is woken when its outcome is ready;
 * whoever is held back waits only for older changes to be handed over. Nobody polls.
 */
public final class RepositoryWriter {
  private static final Logger LOG = LoggerFactory.getLogger(RepositoryWriter.class);

  /** A queue held back by an older change not handed over yet is looked at again this often. */
  static final Duration RECHECK = Duration.ofSeconds(1);

  private final String repository;
  private final RunLoop loop;
  private final int maxBatch;
  private final ExecutorService thread;
  private final ScheduledExecutorService timer;
  private final WriteFence fence;
  private final Map<String, Submission> queued = new HashMap<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final Map<String, Finished> finished = new HashMap<>();
  private boolean draining;

  /** The workspace of the last batch landed; only the writer's thread touches it. */
  private GitWorkspace landedOn;

  RepositoryWriter(
      String repository,
      RunLoop loop,
      int maxBatch,
      ExecutorService thread,
      ScheduledExecutorService timer,
      WriteFence fence) {
    this.repository = repository;
    this.fence = fence;
    this.loop = loop;
    this.maxBatch = maxBatch;
    this.thread = thread;
    this.timer = timer;
  }

  /**
   * Queues a change; {@code wake} runs once its outcome can be {@link #take taken}.
   *
   * @param workspace the repository's workspace, with current credentials; the batch uses the
   *     newest
   */
  public void submit(Submission submission) {
    synchronized (this) {
      if (holds(submission.key())) {
        return;
      }
      queued.put(submission.key(), submission);
      startDraining();
    }
  }

  private synchronized void startDraining() {
    if (!draining && !queued.isEmpty()) {
      draining = true;
      thread.execute(this::drain);
    }
  }

  /**
   * True while a change of this key is queued, being landed, or landed with its outcome not yet
   * taken.
   */
  public synchronized boolean holds(String key) {
    return queued.containsKey(key) || running.contains(key) || finished.containsKey(key);
  }

  /**
   * Something a queued change may wait for has ended outside the writer (an older promotion failed
   * or was gated): look at the queue again.
   */
  public void wakeWaiting() {
    startDraining();
  }

  /** True while a batch is being landed (fetched, committed, pushed). */
  public synchronized boolean isLanding() {
    return !running.isEmpty();
  }

  /**
   * Forgets the queued changes and the outcomes not taken: this process stopped working on the
   * repository (its Lease went to another replica), which lands them from their resources again.
   */
  public synchronized void abandon() {
    queued.clear();
    finished.clear();
  }

  /**
   * Drops a change nobody waits for any more (its resource was deleted): a queued one is never
   * landed, the outcome of a landed one is forgotten.
   *
   * @return true while it is being landed: ask again once it has been
   */
  public synchronized boolean withdraw(String key) {
    queued.remove(key);
    finished.remove(key);
    return running.contains(key);
  }

  /** The outcome of a landed change, removed from the writer; empty when there is none (yet). */
  public synchronized Optional<Finished> take(String key) {
    return Optional.ofNullable(finished.remove(key));
  }

  private void drain() {
    while (true) {
      List<Submission> batch;
      synchronized (this) {
        if (queued.isEmpty()) {
          draining = false;
          break; // to compact, outside the lock: take() and holds() never wait for it
        }
        batch = nextBatch();
        if (batch.isEmpty()) {
          // the oldest queued change waits for an older one that is not queued yet: look again soon
          draining = false;
          timer.schedule(this::startDraining, RECHECK.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
        batch.forEach(
            s -> {
              queued.remove(s.key());
              running.add(s.key());
            });
      }
      Map<String, Finished> outcomes = land(batch);
      List<Runnable> toWake = new ArrayList<>();
      synchronized (this) {
        batch.forEach(s -> running.remove(s.key()));
        finished.putAll(outcomes);
        batch.forEach(s -> toWake.add(s.wake()));
      }
      toWake.forEach(RepositoryWriter::safely);
    }
    compactWhileIdle();
  }

  /**
   * The queued changes in order, up to the bound, stopping before the first that must wait for an
   * older change not handed over yet: commits land in order across batches too.
   */
  private List<Submission> nextBatch() {
    List<Submission> batch = new ArrayList<>();
    for (Submission s :
        queued.values().stream().sorted(Comparator.comparing(Submission::order)).toList()) {
      if (batch.size() == maxBatch || s.waitsForOlder().getAsBoolean() || !joins(batch, s)) {
        break;
      }
      batch.add(s);
    }
    return batch;
  }

  /**
   * A change delivered another way, or one that is delivered alone (a merge request), lands in a
   * batch of its own.
   */
  private static boolean joins(List<Submission> batch, Submission next) {
    if (batch.isEmpty()) {
      return true;
    }
    Submission first = batch.get(0);
    return first.delivery() == null && next.delivery() == null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Finished> land(List<Submission> batch) {
    Map<String, Finished> outcomes = new HashMap<>();
    try {
      GitWorkspace workspace = batch.get(batch.size() - 1).workspace().get();
      List<Change<Object>> changes = (List) batch.stream().map(Submission::change).toList();
      List<ChangeOutcome<Object>> results =
          loop.runAll(
              changes,
              workspace,
              batch.get(0).delivery(),
              () -> {
                if (!fence.mayWrite(repository)) {
                  throw new WriteFencedException(repository);
                }
              });
      for (int i = 0; i < batch.size(); i++) {
        outcomes.put(batch.get(i).key(), new Finished(results.get(i), null));
      }
      landedOn = workspace;
    } catch (RuntimeException e) {
      LOG.warn(
          "Landing a batch of {} change(s) on repository {} failed: {}",
          batch.size(),
          repository,
          e.getMessage());
      batch.forEach(s -> outcomes.put(s.key(), new Finished(null, e)));
    }
    return outcomes;
  }

  /**
   * Repacks the workspace's many small packs once nothing is queued: never between a batch and the
   * wake-up of its promotions, and a failure here fails nothing that has landed. A submission
   * arriving meanwhile starts the next drain on this thread after it.
   */
  private void compactWhileIdle() {
    if (landedOn == null) {
      return;
    }
    try {
      landedOn.compactIfFragmented();
    } catch (RuntimeException e) {
      LOG.warn("Compacting the cached repository {} failed: {}", repository, e.getMessage());
    }
  }

  private static void safely(Runnable wake) {
    try {
      wake.run();
    } catch (RuntimeException e) {
      LOG.warn("Waking a waiting resource failed: {}", e.getMessage());
    }
  }

  /**
   * A change handed to the writer.
   *
   * @param order where it goes in a batch: older first (e.g. creation time, then namespace and
   *     name)
   * @param workspace the repository's workspace, opened with the credentials current at submission
   * @param wake runs when the outcome is ready
   * @param waitsForOlder whether an older change of the repository exists that is not handed over
   *     yet
   * @param delivery how its commit reaches the branch, null for the loop's own (a push, shared by a
   *     batch)
   */
  public record Submission(
      String key,
      String order,
      Change<?> change,
      Supplier<GitWorkspace> workspace,
      Runnable wake,
      BooleanSupplier waitsForOlder,
      Delivery delivery) {
    public Submission(
        String key,
        String order,
        Change<?> change,
        Supplier<GitWorkspace> workspace,
        Runnable wake,
        BooleanSupplier waitsForOlder) {
      this(key, order, change, workspace, wake, waitsForOlder, null);
    }
  }

  /**
   * How a submitted change ended: its outcome, or the failure of its whole batch (Git unreachable,
   * every push rejected within the budget), to be retried.
   */
  public record Finished(ChangeOutcome<?> outcome, RuntimeException batchFailure) {
    /** The change's report, or its refusal or its batch's failure thrown. */
    public Object orThrow() {
      if (batchFailure != null) {
        throw batchFailure;
      }
      return outcome.orThrow();
    }
  }
}
