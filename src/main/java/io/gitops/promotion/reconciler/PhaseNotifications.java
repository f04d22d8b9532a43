package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gitops.promotion.notify.NotificationEvent;
import io.gitops.promotion.notify.Notifier;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hands the notifier each status write that puts a run in a phase webhooks hear about (Previewed,
 * AwaitingMerge, Verifying, Succeeded, Failed; a rollback's), once per run and phase in this
 * process: a phase is often written more than once (the commit, then the after-steps).
 */
public final class PhaseNotifications implements Consumer<HasMetadata> {
  private static final int REMEMBERED = 10_000;

  private final RunSubjects subjects;
  private final Notifier notifier;
  private final Clock clock;
  private final Set<String> told =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED;
                }
              }));

  public PhaseNotifications(RunSubjects subjects, Notifier notifier, Clock clock) {
    this.subjects = subjects;
    this.notifier = notifier;
    this.clock = clock;
  }

  @Override
  public void accept(HasMetadata written) {
    subjects
        .of(written)
        .ifPresent(
            run ->
                NotificationEvent.ofPhase(run.phase(), run.rollback())
                    .filter(event -> told.add(run.uid() + "/" + event.value()))
                    .ifPresent(event -> notifier.notify(run.notice(event, clock.instant()))));
  }
}
