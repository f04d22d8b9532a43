package io.gitops.promotion.engine;

/**
 * New content for one file of the repository, with the content it replaces.
 *
 * @param path relative to the repository root, '/'-separated
 */
public record FileEdit(String path, String before, String after) {}
