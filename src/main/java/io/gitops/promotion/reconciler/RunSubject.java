package io.gitops.promotion.reconciler;

import io.gitops.promotion.notify.Notice;
import io.gitops.promotion.notify.NotificationEvent;
import java.time.Instant;

/**
 * Who a run is and where it stands, as log lines and notifications name it: a Promotion or a
 * PromotionRollback, its repository (resolved from the configuration; null when it cannot be told),
 * group, environments and phase.
 */
record RunSubject(
    String kind,
    String name,
    String namespace,
    String uid,
    String repository,
    String group,
    String sourceEnv,
    String targetEnv,
    String phase,
    String reason,
    String message,
    String title,
    String version,
    String commit) {

  boolean rollback() {
    return !"Promotion".equals(kind);
  }

  Notice notice(NotificationEvent event, Instant time) {
    return new Notice(
        event,
        kind,
        name,
        namespace,
        repository,
        group,
        sourceEnv,
        targetEnv,
        reason,
        message,
        title,
        version,
        commit,
        time);
  }
}
