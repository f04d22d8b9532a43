package io.gitops.promotion.gitlabhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the webhook endpoint tells of merge requests that changed, and the reconcilers listen.
 * Listeners run on the endpoint's thread: they only schedule work, never do it.
 */
public final class MergeRequestSignals {
  private static final Logger LOG = LoggerFactory.getLogger(MergeRequestSignals.class);

  private final List<Consumer<MergeRequestSignal>> listeners = new CopyOnWriteArrayList<>();

  public void onSignal(Consumer<MergeRequestSignal> listener) {
    listeners.add(listener);
  }

  /** Tells every listener; one that fails is logged and the others are told all the same. */
  public void publish(MergeRequestSignal signal) {
    for (Consumer<MergeRequestSignal> listener : listeners) {
      try {
        listener.accept(signal);
      } catch (RuntimeException e) {
        // The poll still looks at the request: a lost wake-up costs only the wait.
        LOG.warn("could not wake the resources awaiting {}: {}", signal, e.toString());
      }
    }
  }
}
