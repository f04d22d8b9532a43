package io.gitops.promotion.cli;

/**
 * On a machine or container with one or two CPUs the JDK's common fork-join pool has a parallelism
 * of 1, and then every {@code CompletableFuture} continuation given no executor (the JDK HTTP
 * client under fabric8 has many) starts a thread of its own: the operator benchmark saw 874 threads
 * started in 37 s of load. A parallelism of at least 2 keeps them on the pool. Takes effect only
 * when set before anything initialises {@code ForkJoinPool}, so {@link Main} sets it first; a value
 * the user gave ({@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=N}) is kept.
 */
final class CommonPoolParallelism {
  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
  static final int MINIMUM = 2;

  private CommonPoolParallelism() {}

  static void ensureMinimum() {
    if (System.getProperty(PROPERTY) == null
        && Runtime.getRuntime().availableProcessors() - 1 < MINIMUM) {
      System.setProperty(PROPERTY, String.valueOf(MINIMUM));
    }
  }
}
