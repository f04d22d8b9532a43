/**
 * GitLab's webhooks, received: which merge request an event is about, whether it may be believed
 * (its secret token), and who is told. Knows nothing of Kubernetes; the reconcilers listen to
 * {@link io.gitops.promotion.gitlabhook.MergeRequestSignals} and wake the promotions awaiting the
 * request.
 */
package io.gitops.promotion.gitlabhook;
