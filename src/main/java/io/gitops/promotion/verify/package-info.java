/**
 * Verification in Argo CD: whether the Applications of a promoted group and environment run the
 * pushed commit (or a later one), Synced and Healthy. Pure decisions from the Applications' states;
 * the reconciler watches the Applications with an informer and asks again on every change.
 */
package io.gitops.promotion.verify;
