/**
 * Webhook notifications of a run's phase transitions (Previewed, AwaitingMerge, Succeeded, Failed,
 * rollbacks): the {@link io.gitops.promotion.notify.Notice}, its JSON or Slack-compatible body, and
 * a {@link io.gitops.promotion.notify.WebhookNotifier} that posts it on a background thread,
 * retried with backoff, never blocking or failing the run. Knows nothing of Kubernetes: where a URL
 * comes from (a Secret) is a supplier given to it.
 */
package io.gitops.promotion.notify;
