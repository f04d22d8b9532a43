package io.gitops.promotion.gitlabhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every listener hears every signal, whatever another listener does. */
class MergeRequestSignalsTest {
  @Test
  void aFailingListenerDoesNotKeepTheOthersFromHearing() {
    MergeRequestSignals signals = new MergeRequestSignals();
    List<MergeRequestSignal> heard = new ArrayList<>();
    signals.onSignal(
        s -> {
          throw new IllegalStateException("informer not started");
        });
    signals.onSignal(heard::add);
    MergeRequestSignal signal =
        new MergeRequestSignal("argocd", new MergeRequestRef("1234", null, 7L, null));

    signals.publish(signal);

    assertThat(heard).containsExactly(signal);
  }
}
