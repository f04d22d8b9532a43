package io.gitops.promotion.promotion;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One writer per repository: work on a repository runs only while nobody else works on it. */
public final class RepositoryLocks {
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Runs the work when the repository is free; empty, without waiting, when it is busy. */
  public <T> Optional<T> ifFree(String repository, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(repository, r -> new ReentrantLock());
    if (!lock.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      lock.unlock();
    }
  }
}
