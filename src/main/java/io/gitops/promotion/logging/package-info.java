/**
 * How log lines look: {@link io.gitops.promotion.logging.LogFormat} chooses text or one JSON object
 * per line, with the key-value pairs of a line (promotion, namespace, repository, phase ...) as
 * fields.
 */
package io.gitops.promotion.logging;
