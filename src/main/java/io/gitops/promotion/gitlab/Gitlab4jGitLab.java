package io.gitops.promotion.gitlab;

import static io.gitops.promotion.gitlab.GitLabOperation.COMPARE;
import static io.gitops.promotion.gitlab.GitLabOperation.CREATE_DEPLOYMENT;
import static io.gitops.promotion.gitlab.GitLabOperation.CREATE_ENVIRONMENT;
import static io.gitops.promotion.gitlab.GitLabOperation.CREATE_RELEASE;
import static io.gitops.promotion.gitlab.GitLabOperation.CREATE_TAG;
import static io.gitops.promotion.gitlab.GitLabOperation.GET_RELEASE;
import static io.gitops.promotion.gitlab.GitLabOperation.GET_TAG;
import static io.gitops.promotion.gitlab.GitLabOperation.LIST_DEPLOYMENTS;
import static io.gitops.promotion.gitlab.GitLabOperation.LIST_ENVIRONMENTS;
import static io.gitops.promotion.gitlab.GitLabOperation.UPDATE_ENVIRONMENT;

import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.git.UrlRedaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Commit;
import org.gitlab4j.api.models.Deployment;
import org.gitlab4j.api.models.DeploymentFilter;
import org.gitlab4j.api.models.Environment;
import org.gitlab4j.api.models.Release;
import org.gitlab4j.api.models.ReleaseParams;
import org.gitlab4j.api.models.Tag;
import org.gitlab4j.models.Constants.DeploymentOrderBy;
import org.gitlab4j.models.Constants.DeploymentStatus;
import org.gitlab4j.models.Constants.SortOrder;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;

/** {@link GitLab} over GitLab's REST API v4 with gitlab4j-api, authenticated by a private token. */
public final class Gitlab4jGitLab implements GitLab, AutoCloseable {

  /** How far back a retried create looks for what its lost first attempt made (clock skew). */
  private static final Duration LOST_RESPONSE_WINDOW = Duration.ofMinutes(2);

  private final String url;
  private final GitLabApi api;
  private final EnvironmentTierApi environmentTiers;
  private final RetryLoop retry;
  private final Clock clock;

  /** With {@link RetryPolicy#defaults()}, blocking waits and no retry listener. */
  public Gitlab4jGitLab(String url, String token, ConnectionTimeouts timeouts) {
    this(url, token, timeouts, RetryPolicy.defaults(), Sleeper.blocking(), RetryListener.none());
  }

  /** With the default time limits. */
  public Gitlab4jGitLab(
      String url, String token, RetryPolicy retryPolicy, Sleeper sleeper, RetryListener listener) {
    this(url, token, ConnectionTimeouts.DEFAULT, retryPolicy, sleeper, listener);
  }

  /**
   * @param url GitLab's base URL, e.g. {@code https://gitlab.example.com}
   * @param token a personal, project or group access token; kept only inside gitlab4j's client
   * @param timeouts connect and read limits of every call
   */
  public Gitlab4jGitLab(
      String url,
      String token,
      ConnectionTimeouts timeouts,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      RetryListener listener) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("GitLab URL is required");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("GitLab token is required");
    }
    this.url = url;
    this.api = client(url, token, timeouts);
    this.environmentTiers = new EnvironmentTierApi(api);
    this.retry = new RetryLoop(retryPolicy, sleeper, listener, UrlRedaction.redact(url), timeouts);
    this.clock = Clock.systemUTC();
  }

  @Override
  public Optional<String> tagCommit(String projectId, String tagName) {
    return retry.run(GET_TAG, tagName, projectId, attempt -> tagCommitOnce(projectId, tagName));
  }

  @Override
  public void createTag(String projectId, String tagName, String commitSha, String message) {
    retry.run(
        CREATE_TAG,
        tagName,
        projectId,
        attempt -> {
          createTagOnce(projectId, tagName, commitSha, message);
          return null;
        });
  }

  @Override
  public Optional<ReleaseRef> release(String projectId, String tagName) {
    return retry.run(GET_RELEASE, tagName, projectId, attempt -> releaseOnce(projectId, tagName));
  }

  @Override
  public ReleaseRef createRelease(
      String projectId, String tagName, String name, String description) {
    ReleaseParams params =
        new ReleaseParams().withTagName(tagName).withName(name).withDescription(description);
    return retry.run(
        CREATE_RELEASE,
        tagName,
        projectId,
        attempt -> {
          try {
            return toRef(api.getReleasesApi().createRelease(projectId, params));
          } catch (GitLabApiException e) {
            if (e.getHttpStatus() != 409) {
              throw e;
            }
            return releaseOnce(projectId, tagName).orElseThrow(() -> e);
          }
        });
  }

  @Override
  public List<GitLabCommit> compare(String projectId, String fromRef, String toRef) {
    return retry.run(
        COMPARE,
        fromRef + "..." + toRef,
        projectId,
        attempt -> {
          List<Commit> commits =
              api.getRepositoryApi().compare(projectId, fromRef, toRef).getCommits();
          return commits == null
              ? List.of()
              : commits.stream().map(Gitlab4jGitLab::toCommit).toList();
        });
  }

  @Override
  public void ensureEnvironment(String projectId, String name, String tier) {
    Objects.requireNonNull(tier, "tier");
    Optional<Environment> existing =
        retry.run(LIST_ENVIRONMENTS, "", projectId, attempt -> environmentOnce(projectId, name));
    Environment environment =
        existing.isPresent()
            ? existing.get()
            : retry.run(
                CREATE_ENVIRONMENT,
                name,
                projectId,
                attempt -> createEnvironmentOnce(projectId, name, tier));
    if (!tier.equals(environment.getTier())) {
      retry.run(
          UPDATE_ENVIRONMENT,
          name,
          projectId,
          attempt -> environmentTiers.updateTier(projectId, environment.getId(), tier));
    }
  }

  @Override
  public Optional<DeploymentRef> findDeployment(
      String projectId, String environment, String sha, Instant createdAfter) {
    return retry.run(
        LIST_DEPLOYMENTS,
        environment,
        projectId,
        attempt -> deploymentOnce(projectId, environment, sha, null, createdAfter));
  }

  @Override
  public DeploymentRef createDeployment(
      String projectId, String environment, String ref, boolean refIsTag, String sha) {
    Instant firstAttempt = clock.instant();
    return retry.run(
        CREATE_DEPLOYMENT,
        ref + " to " + environment,
        projectId,
        attempt -> {
          if (attempt > 1) {
            // GitLab has no "already exists" for deployments: look for what a lost attempt made
            Optional<DeploymentRef> earlier =
                deploymentOnce(
                    projectId, environment, sha, ref, firstAttempt.minus(LOST_RESPONSE_WINDOW));
            if (earlier.isPresent()) {
              return earlier.get();
            }
          }
          Deployment created =
              api.getDeploymentsApi()
                  .addDeployment(
                      projectId, environment, sha, ref, refIsTag, DeploymentStatus.SUCCESS);
          return toRef(created, environment);
        });
  }

  @Override
  public void close() {
    api.close();
  }

  /**
   * A gitlab4j client with this adapter's time limits and streamed (never resent) request bodies.
   */
  /** A gitlab4j client that never resends a POST by itself, with these connect and read limits. */
  static GitLabApi client(String url, String token, ConnectionTimeouts timeouts) {
    GitLabApi client =
        new GitLabApi(
            url,
            token,
            Map.of(
                // HttpURLConnection silently resends a buffered POST once when the connection drops
                // before the response, which would duplicate a deployment; it never resends a
                // streamed one.
                ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED));
    client.setRequestTimeout(timeouts.connectMillis(), timeouts.readMillis());
    return client;
  }

  @Override
  public String toString() {
    return "Gitlab4jGitLab[" + url + "]";
  }

  private Optional<String> tagCommitOnce(String projectId, String tagName)
      throws GitLabApiException {
    try {
      return Optional.of(commitOf(api.getTagsApi().getTag(projectId, tagName)));
    } catch (GitLabApiException e) {
      return absentUnlessProjectMissing(e);
    }
  }

  private void createTagOnce(String projectId, String tagName, String commitSha, String message)
      throws GitLabApiException {
    try {
      api.getTagsApi().createTag(projectId, tagName, commitSha, message, (String) null);
    } catch (GitLabApiException e) {
      GitLabFailure failure = GitLabFailure.of(e);
      if (!(failure.is(400) && failure.says("already exists"))) {
        throw e;
      }
      // made by an earlier attempt whose response was lost, or by someone else: ours if same commit
      String existing = tagCommitOnce(projectId, tagName).orElseThrow(() -> e);
      if (!existing.equalsIgnoreCase(commitSha)) {
        throw GitLabRejectedException.of(
            CREATE_TAG,
            tagName,
            projectId,
            400,
            GitLabRejectedException.Refusal.CONFLICT,
            "tag already exists at commit " + existing + ", not at " + commitSha,
            e);
      }
    }
  }

  private Optional<ReleaseRef> releaseOnce(String projectId, String tagName)
      throws GitLabApiException {
    try {
      return Optional.of(toRef(api.getReleasesApi().getRelease(projectId, tagName)));
    } catch (GitLabApiException e) {
      return absentUnlessProjectMissing(e);
    }
  }

  private Optional<Environment> environmentOnce(String projectId, String name)
      throws GitLabApiException {
    return api.getEnvironmentsApi().getEnvironments(projectId).stream()
        .filter(e -> name.equals(e.getName()))
        .findFirst();
  }

  private Environment createEnvironmentOnce(String projectId, String name, String tier)
      throws GitLabApiException {
    try {
      return api.getEnvironmentsApi().createEnvironment(projectId, name, null, tier);
    } catch (GitLabApiException e) {
      if (!GitLabFailure.of(e).says("has already been taken")) {
        throw e;
      }
      return environmentOnce(projectId, name).orElseThrow(() -> e);
    }
  }

  private Optional<DeploymentRef> deploymentOnce(
      String projectId, String environment, String sha, String ref, Instant createdAfter)
      throws GitLabApiException {
    DeploymentFilter filter =
        new DeploymentFilter()
            .withEnvironment(environment)
            .withUpdatedAfter(Date.from(createdAfter))
            .withOrderBy(DeploymentOrderBy.UPDATED_AT)
            .withSortOrder(SortOrder.DESC);
    return api.getDeploymentsApi()
        .getProjectDeploymentsStream(projectId, filter)
        .filter(d -> sha.equalsIgnoreCase(d.getSha()))
        .filter(d -> ref == null || ref.equals(d.getRef()))
        .filter(
            d -> d.getCreatedAt() != null && !d.getCreatedAt().toInstant().isBefore(createdAfter))
        .findFirst()
        .map(d -> toRef(d, environment));
  }

  /** A 404 means "no such tag/release" unless it is the project that is missing. */
  private static <T> Optional<T> absentUnlessProjectMissing(GitLabApiException e)
      throws GitLabApiException {
    if (e.getHttpStatus() == 404 && !GitLabFailure.of(e).says("Project Not Found")) {
      return Optional.empty();
    }
    throw e;
  }

  private static String commitOf(Tag tag) {
    return Objects.requireNonNull(tag.getCommit(), "tag without commit").getId();
  }

  private static GitLabCommit toCommit(Commit commit) {
    int parents = commit.getParentIds() == null ? 0 : commit.getParentIds().size();
    return new GitLabCommit(commit.getId(), commit.getTitle(), commit.getMessage(), parents);
  }

  private static ReleaseRef toRef(Release release) {
    return new ReleaseRef(release.getTagName(), release.getName(), release.getLinkByName("self"));
  }

  private static DeploymentRef toRef(Deployment deployment, String requestedEnvironment) {
    String environment =
        deployment.getEnvironment() == null
            ? requestedEnvironment
            : deployment.getEnvironment().getName();
    String status =
        deployment.getStatus() == null
            ? null
            : deployment.getStatus().name().toLowerCase(Locale.ROOT);
    return new DeploymentRef(
        deployment.getId(), environment, deployment.getSha(), deployment.getRef(), status);
  }
}
