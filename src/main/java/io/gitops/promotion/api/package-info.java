/**
 * The Kubernetes API of the operator: the {@code Promotion} and {@code PromotionRollback} custom
 * resources (group {@code promotion.gitops.io}, version {@code v1alpha1}), their status, condition
 * types and reason constants. The CRD manifests in {@code crds/} are generated from these classes.
 * Nothing here runs anything: reconcilers read and write these types, the engine never sees them.
 */
package io.gitops.promotion.api;
