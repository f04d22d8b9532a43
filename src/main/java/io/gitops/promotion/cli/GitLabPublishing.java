package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.config.Environment;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.gitlab.Gitlab4jGitLab;
import io.gitops.promotion.gitlab.Gitlab4jMergeRequests;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.publish.PublishFailedException;
import io.gitops.promotion.publish.PublishRequest;
import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.publish.PublishSettings;
import io.gitops.promotion.publish.Publisher;
import io.gitops.promotion.publish.UpcomingChangelog;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The GitLab steps of the {@code promote} and {@code rollback} commands: none when no GitLab is
 * given (the result says they were skipped), else a {@link Publisher} on GitLab's API. Checked
 * before anything is pushed.
 */
final class GitLabPublishing implements AutoCloseable {
  static final String TOKEN_VARIABLE = "GITLAB_TOKEN";

  private final Gitlab4jGitLab client;
  private final PublishSettings settings;
  private final Supplier<Gitlab4jMergeRequests> mergeRequestsClient;
  private Gitlab4jMergeRequests mergeRequests;

  private GitLabPublishing(
      Gitlab4jGitLab client,
      PublishSettings settings,
      Supplier<Gitlab4jMergeRequests> mergeRequestsClient) {
    this.client = client;
    this.settings = settings;
    this.mergeRequestsClient = mergeRequestsClient;
  }

  /**
   * @param options null when no GitLab flag was given
   * @param releaseFrom the {@code --release-from} environments; null or empty for the default
   * @throws ParameterException when GitLab is given without a token or an environment is unknown
   */
  static GitLabPublishing open(
      GitLabOptions options,
      List<String> releaseFrom,
      String branch,
      ConnectionTimeouts timeouts,
      Map<String, String> environment,
      EnvironmentCatalog environments,
      CommandLine command) {
    Set<String> sources = releaseSources(releaseFrom, environments, command);
    if (options == null) {
      return new GitLabPublishing(null, null, null);
    }
    String token = environment.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new ParameterException(
          command,
          "--gitlab-url and --gitlab-project need a GitLab API token"
              + " in the environment variable "
              + TOKEN_VARIABLE);
    }
    return new GitLabPublishing(
        new Gitlab4jGitLab(options.url, token.trim(), timeouts),
        new PublishSettings(options.project, branch, sources),
        () -> new Gitlab4jMergeRequests(options.url, token.trim(), timeouts));
  }

  /**
   * @param startedAt when the promotion started
   * @throws PublishFailedException when a GitLab call failed after the push
   */
  PublishResult publish(PromotionResult result, Instant startedAt) {
    if (client == null) {
      return PublishResult.notConfigured();
    }
    return new Publisher(client).publish(PublishRequest.of(result, settings, startedAt));
  }

  /**
   * The changelog the release of a planned promotion will carry, for its merge request; empty
   * without GitLab or a release.
   */
  Optional<String> changelog(PromotionPlan plan) {
    return client == null ? Optional.empty() : UpcomingChangelog.of(client, settings, plan);
  }

  /**
   * The deployments of a rollback; no release.
   *
   * @param startedAt when the rollback started
   * @throws PublishFailedException when a GitLab call failed after the push
   */
  PublishResult publish(RollbackRequest request, RollbackResult result, Instant startedAt) {
    if (client == null) {
      return PublishResult.notConfigured();
    }
    return new Publisher(client)
        .publish(PublishRequest.ofRollback(request, result, settings, startedAt));
  }

  /**
   * The merge requests of the GitLab project, made on first use.
   *
   * @throws IllegalStateException when no GitLab is given (checked before, by the flags)
   */
  MergeRequests mergeRequests() {
    if (mergeRequestsClient == null) {
      throw new IllegalStateException("a merge request needs --gitlab-url and --gitlab-project");
    }
    if (mergeRequests == null) {
      mergeRequests = mergeRequestsClient.get();
    }
    return mergeRequests;
  }

  /** The GitLab project given by {@code --gitlab-project}. */
  String project() {
    return settings.gitlabProject();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    if (mergeRequests != null) {
      mergeRequests.close();
    }
  }

  private static Set<String> releaseSources(
      List<String> names, EnvironmentCatalog environments, CommandLine command) {
    if (names == null || names.isEmpty()) {
      return PublishSettings.DEFAULT_RELEASE_FROM;
    }
    Set<String> sources = new LinkedHashSet<>();
    for (String name : names) {
      Environment known =
          environments
              .find(name)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          command,
                          "--release-from: unknown environment '"
                              + name
                              + "'; known: "
                              + environments.names()));
      sources.add(known.name());
    }
    return sources;
  }
}
