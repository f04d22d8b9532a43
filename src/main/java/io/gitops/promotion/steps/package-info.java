/**
 * The after-steps seam: what runs once a run's commit is on the branch (today the GitLab release
 * and deployments; next, verification in Argo CD). Each step is idempotent, reports an outcome
 * under its own name, and a retry runs it again to find what it already did.
 */
package io.gitops.promotion.steps;
