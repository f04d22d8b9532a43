package io.gitops.promotion.git;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a workspace cost in Git traffic: round trips to the remote (each fetch and each push is one
 * connection) and bytes. Fetched bytes are the packs a fetch added; pushed bytes are the packs the
 * commits a push offered were written to (compressed, as they are sent; the remote may already have
 * some of them).
 */
public final class TransferCounter {
  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong bytesFetched = new AtomicLong();
  private final AtomicLong bytesPushed = new AtomicLong();

  void fetched(long bytes) {
    roundTrips.incrementAndGet();
    bytesFetched.addAndGet(Math.max(0, bytes));
  }

  void pushed(long bytes) {
    roundTrips.incrementAndGet();
    bytesPushed.addAndGet(Math.max(0, bytes));
  }

  Totals totals() {
    return new Totals(roundTrips.get(), bytesFetched.get(), bytesPushed.get());
  }

  /** Counts at one moment; {@link #minus} gives the cost of what happened between two moments. */
  public record Totals(long roundTrips, long bytesFetched, long bytesPushed) {
    public static final Totals ZERO = new Totals(0, 0, 0);

    public Totals minus(Totals earlier) {
      return new Totals(
          roundTrips - earlier.roundTrips,
          bytesFetched - earlier.bytesFetched,
          bytesPushed - earlier.bytesPushed);
    }

    public Totals plus(Totals other) {
      return new Totals(
          roundTrips + other.roundTrips,
          bytesFetched + other.bytesFetched,
          bytesPushed + other.bytesPushed);
    }
  }
}
