package io.gitops.promotion.cli;

import picocli.CommandLine.Option;

/**
 * {@code --gitlab-url} and {@code --gitlab-project}, given together or not at all: where the
 * release and the deployments of a promotion, and the deployments of a rollback, are recorded. The
 * token comes from the environment variable {@value GitLabPublishing#TOKEN_VARIABLE} only, never
 * from a flag.
 */
final class GitLabOptions {
  @Option(
      names = "--gitlab-url",
      required = true,
      paramLabel = "<url>",
      description =
          "GitLab base URL (e.g. https://gitlab.example.com); with --gitlab-project, a promotion"
              + " gets its GitLab tag, release and deployments, a rollback its deployments."
              + " Token: environment variable GITLAB_TOKEN.")
  String url;

  @Option(
      names = "--gitlab-project",
      required = true,
      paramLabel = "<id|path>",
      description = "The GitOps repository's GitLab project: a numeric id or group/project.")
  String project;
}
