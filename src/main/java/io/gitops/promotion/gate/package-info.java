/**
 * Gates that hold a promotion or rollback until it may run: freeze windows (cron schedules, like
 * Argo CD's sync windows) and soak time (how long a source tag must have been in its overlay). Pure
 * decisions from a clock and the repository's history; the callers turn a closed gate into a
 * Pending resource requeued for when it opens, or exit code 2 in the CLI.
 */
package io.gitops.promotion.gate;
