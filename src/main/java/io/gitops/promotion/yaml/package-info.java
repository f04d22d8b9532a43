/**
 * Byte-exact reading and tag editing of overlay {@code values.yaml} files.
 *
 * <p>{@link io.gitops.promotion.yaml.OverlayFile} reads an overlay's {@code applications[]} and
 * remembers where each {@code image.tag} value is in the text; editing replaces only those
 * character ranges. A file in plain block YAML, as overlays are written, is read by {@code
 * PlainOverlayReader} (a line reader, many times faster); any other file, and any file it is not
 * sure of, by snakeyaml-engine (YAML 1.2, core schema), which gives the same result for the files
 * both read and explains why a bad file is refused. The package knows nothing of Git, GitLab or
 * Kubernetes: text in, text out.
 */
package io.gitops.promotion.yaml;
