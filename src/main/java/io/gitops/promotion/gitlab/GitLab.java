package io.gitops.promotion.gitlab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The GitLab calls the promotion engine needs: tags, releases, the changelog's commit range,
 * environments and deployments. A {@code projectId} is a numeric id ({@code "1234"}) or a path
 * ({@code "group/project"}).
 *
 * <p>Every method throws {@link GitLabRejectedException} when GitLab refuses the call (do not
 * retry) and {@link GitLabUnavailableException} when GitLab could not be reached or kept failing
 * after the adapter's own retries (retry later). Creates are idempotent: repeating one that already
 * took effect returns the existing object instead of making a second one.
 */
public interface GitLab {

  /** The SHA of the commit the tag points to, or empty when there is no such tag. */
  Optional<String> tagCommit(String projectId, String tagName);

  /**
   * Creates the tag at the commit; succeeds without a second tag when the tag already points there,
   * and is rejected when it points at another commit.
   */
  void createTag(String projectId, String tagName, String commitSha, String message);

  /** The release of the tag, or empty when the tag has no release. */
  Optional<ReleaseRef> release(String projectId, String tagName);

  /**
   * Creates the release of an existing tag; returns the existing release if there already is one.
   */
  ReleaseRef createRelease(String projectId, String tagName, String name, String description);

  /** The commits reachable from {@code toRef} but not from {@code fromRef}, oldest first. */
  List<GitLabCommit> compare(String projectId, String fromRef, String toRef);

  /** Creates the environment if it is missing and sets its tier if it differs. */
  void ensureEnvironment(String projectId, String name, String tier);

  /**
   * The most recently updated deployment of {@code sha} to the environment created at or after
   * {@code createdAfter}, or empty.
   */
  Optional<DeploymentRef> findDeployment(
      String projectId, String environment, String sha, Instant createdAfter);

  /** Registers a successful deployment of {@code sha} ({@code ref}, a tag or a branch). */
  DeploymentRef createDeployment(
      String projectId, String environment, String ref, boolean refIsTag, String sha);
}
