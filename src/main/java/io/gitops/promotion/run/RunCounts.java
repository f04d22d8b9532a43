package io.gitops.promotion.run;

/**
 * What landing a batch cost: pushes the remote rejected because the branch moved, Git round trips,
 * bytes fetched and pushed, and how many changes shared them (the batch's size).
 */
public record RunCounts(
    int pushRejections, long roundTrips, long bytesFetched, long bytesPushed, int batchSize) {
  public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 1);
}
