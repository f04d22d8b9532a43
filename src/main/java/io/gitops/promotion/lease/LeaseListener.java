package io.gitops.promotion.lease;

/** Hears what happens to this replica's repository Leases (metrics, logs). */
public interface LeaseListener {
  LeaseListener NONE = new LeaseListener() {};

  /** A repository's Lease was taken: this replica works on it from now on. */
  default void acquired(String repository) {}

  /** A repository's Lease was lost (not renewed in time, or taken by another replica). */
  default void lost(String repository) {}

  /** A repository's Lease was given back so that another replica gets a share. */
  default void released(String repository) {}
}
