package io.gitops.promotion.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The writers of a process, one per repository, each with one thread of its own, made on first use.
 */
public final class RepositoryWriters implements AutoCloseable {
  private final RunLoop loop;
  private final int maxBatch;
  private final WriteFence fence;
  private final Map<String, RepositoryWriter> writers = new ConcurrentHashMap<>();
  private final Map<String, ExecutorService> threads = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "writer-timer");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param maxBatch most changes landed in one push
   */
  public RepositoryWriters(RunLoop loop, int maxBatch) {
    this(loop, maxBatch, WriteFence.OPEN);
  }

  /**
   * @param fence asked before every fetch and push: whether this process may still write to the
   *     repository
   */
  public RepositoryWriters(RunLoop loop, int maxBatch, WriteFence fence) {
    this.loop = loop;
    this.maxBatch = maxBatch;
    this.fence = fence;
  }

  public RepositoryWriter of(String repository) {
    return writers.computeIfAbsent(
        repository,
        name -> {
          ExecutorService thread =
              Executors.newSingleThreadExecutor(
                  r -> {
                    Thread t = new Thread(r, "writer-" + name);
                    t.setDaemon(true);
                    return t;
                  });
          threads.put(name, thread);
          return new RepositoryWriter(name, loop, maxBatch, thread, timer, fence);
        });
  }

  @Override
  public void close() {
    timer.shutdownNow();
    threads.values().forEach(ExecutorService::shutdown);
    for (ExecutorService thread : threads.values()) {
      try {
        thread.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
