package io.gitops.promotion.cli;

import picocli.CommandLine.ArgGroup;

/**
 * The {@link GitLabOptions} group as a mixin, so that {@code promote} and {@code rollback} share
 * one declaration of it (picocli's annotation processor refuses one group type in two commands).
 */
final class GitLabFlags {
  /** Null when no GitLab flag was given. */
  @ArgGroup(exclusive = false)
  GitLabOptions options;
}
