/**
 * Byte-exact reading and tag editing of overlay {@code values.yaml} files.
 *
 * <p>{@link io.gitops.promotion.yaml.OverlayFile} reads an overlay's {@code applications[]} with
 * snakeyaml-engine (YAML 1.2, core schema) and remembers where each {@code image.tag} value is in
 * the text; editing replaces only those character ranges. The package knows nothing of Git, GitLab
 * or Kubernetes: text in, text out.
 */
package io.gitops.promotion.yaml;
