package io.gitops.promotion.gitlabhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the webhook endpoint tells of merge requests that changed, and the reconcilers listen.
 * Listeners run on the endpoint's thread: they only schedule work, never do it.
 */
public final class MergeRequestSignals {
  private final List<Consumer<MergeRequestSignal>> listeners = new CopyOnWriteArrayList<>();

  public void onSignal(Consumer<MergeRequestSignal> listener) {
    listeners.add(listener);
  }

  public void publish(MergeRequestSignal signal) {
    listeners.forEach(l -> l.accept(signal));
  }
}
