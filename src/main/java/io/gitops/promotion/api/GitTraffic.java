package io.gitops.promotion.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What landing a run cost in Git traffic, so the cost of a promotion is visible on its status. A
 * run landed in a batch with others reports the batch's traffic and the batch's size.
 */
public class GitTraffic {
  @JsonPropertyDescription("Fetches and pushes to the remote (one connection each).")
  private Long roundTrips;

  @JsonPropertyDescription("Bytes of the packs fetched.")
  private Long bytesFetched;

  @JsonPropertyDescription(
      "Bytes of the packs holding the objects pushed, as written locally (compressed).")
  private Long bytesPushed;

  @JsonPropertyDescription("Promotions and rollbacks landed by the same push, this one included.")
  private Integer batchSize;

  public GitTraffic() {}

  public GitTraffic(long roundTrips, long bytesFetched, long bytesPushed, int batchSize) {
    this.roundTrips = roundTrips;
    this.bytesFetched = bytesFetched;
    this.bytesPushed = bytesPushed;
    this.batchSize = batchSize;
  }

  public Long getRoundTrips() {
    return roundTrips;
  }

  public void setRoundTrips(Long roundTrips) {
    this.roundTrips = roundTrips;
  }

  public Long getBytesFetched() {
    return bytesFetched;
  }

  public void setBytesFetched(Long bytesFetched) {
    this.bytesFetched = bytesFetched;
  }

  public Long getBytesPushed() {
    return bytesPushed;
  }

  public void setBytesPushed(Long bytesPushed) {
    this.bytesPushed = bytesPushed;
  }

  public Integer getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(Integer batchSize) {
    this.batchSize = batchSize;
  }
}
