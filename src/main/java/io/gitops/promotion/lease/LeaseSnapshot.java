package io.gitops.promotion.lease;

import java.time.Duration;

/**
 * One Lease as read from the API server, without its Kubernetes types.
 *
 * @param holder null or blank when nobody holds it (given back)
 * @param resourceVersion changes with every write: a holder's renewal moves it
 */
public record LeaseSnapshot(String name, String holder, String resourceVersion, Duration duration) {
  public boolean held() {
    return holder != null && !holder.isBlank();
  }
}
