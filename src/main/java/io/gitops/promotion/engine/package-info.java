/**
 * The promotion engine: requests validated against the configuration, plans computed from a
 * commit's files through the repository's {@code Layout}, the promotion as a {@code Change} of the
 * one run loop, and the services a long-running process runs them through.
 */
package io.gitops.promotion.engine;
