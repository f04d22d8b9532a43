/**
 * The operator's configuration: one YAML file loaded and validated once at start by {@link
 * io.gitops.promotion.config.ConfigLoader} into an immutable {@link
 * io.gitops.promotion.config.OperatorConfig} (repositories, environments and the promotion path,
 * release sources, rollback window, Git and server settings). Credentials are never part of it: it
 * names the Secrets that hold them.
 */
package io.gitops.promotion.config;
