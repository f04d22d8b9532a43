package io.gitops.promotion.publish;

import io.gitops.promotion.gitlab.DeploymentRef;
import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.GitLabCommit;
import io.gitops.promotion.gitlab.GitLabException;
import io.gitops.promotion.gitlab.GitLabFailures;
import io.gitops.promotion.gitlab.GitLabOperation;
import io.gitops.promotion.gitlab.ReleaseRef;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written fake of the {@link GitLab} port, in memory: tags, releases, compare ranges,
 * environments and deployments, a log of the calls, and failures queued per operation. It keeps the
 * port's contract (creates of what exists return it; a tag at another commit is refused).
 */
final class InMemoryGitLab implements GitLab {

  record Release(String project, String tag, String name, String description, String url) {}

  record Deployment(
      long id,
      String project,
      String environment,
      String sha,
      String ref,
      boolean tag,
      Instant createdAt) {}

  final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  final Map<String, String> tagMessages = new LinkedHashMap<>();
  final List<Release> releases = new ArrayList<>();
  final Map<String, List<GitLabCommit>> ranges = new LinkedHashMap<>();
  final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
  final List<Deployment> deployments = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  private final Map<String, Deque<GitLabException>> failures = new LinkedHashMap<>();
  Instant now = Instant.parse("2026-11-22T10:00:00Z");

  void tag(String project, String tag, String sha) {
    tags.computeIfAbsent(project, p -> new LinkedHashMap<>()).put(tag, sha);
  }

  /** Commits for {@code compare(project, from, to)}, titles only. */
  void range(String project, String from, String to, String... titles) {
    List<GitLabCommit> commits = new ArrayList<>();
    for (String title : titles) {
      commits.add(new GitLabCommit(project + "-" + commits.size(), title, title, 1));
    }
    ranges.put(project + " " + from + "..." + to, commits);
  }

  /** The next call of the operation on the project throws the failure instead, changing nothing. */
  void failNext(GitLabOperation operation, String project, GitLabException failure) {
    failures.computeIfAbsent(operation + " " + project, o -> new ArrayDeque<>()).add(failure);
  }

  void rejectNext(GitLabOperation operation, String project, int status) {
    failNext(operation, project, GitLabFailures.rejected(operation, "", project, status));
  }

  List<String> creates() {
    return calls.stream().filter(c -> c.startsWith("create")).toList();
  }

  @Override
  public Optional<String> tagCommit(String projectId, String tagName) {
    call(GitLabOperation.GET_TAG, projectId, "tagCommit " + projectId + " " + tagName);
    return Optional.ofNullable(tags.getOrDefault(projectId, Map.of()).get(tagName));
  }

  @Override
  public void createTag(String projectId, String tagName, String commitSha, String message) {
    call(
        GitLabOperation.CREATE_TAG,
        projectId,
        "createTag " + projectId + " " + tagName + " " + commitSha);
    String existing = tags.getOrDefault(projectId, Map.of()).get(tagName);
    if (existing != null && !existing.equals(commitSha)) {
      throw GitLabFailures.rejected(GitLabOperation.CREATE_TAG, tagName, projectId, 400);
    }
    tag(projectId, tagName, commitSha);
    tagMessages.put(projectId + " " + tagName, message);
  }

  @Override
  public Optional<ReleaseRef> release(String projectId, String tagName) {
    call(GitLabOperation.GET_RELEASE, projectId, "release " + projectId + " " + tagName);
    return findRelease(projectId, tagName).map(InMemoryGitLab::ref);
  }

  @Override
  public ReleaseRef createRelease(
      String projectId, String tagName, String name, String description) {
    call(GitLabOperation.CREATE_RELEASE, projectId, "createRelease " + projectId + " " + tagName);
    if (!tags.getOrDefault(projectId, Map.of()).containsKey(tagName)) {
      throw GitLabFailures.rejected(GitLabOperation.CREATE_RELEASE, tagName, projectId, 422);
    }
    Release release =
        findRelease(projectId, tagName)
            .orElseGet(
                () -> {
                  Release made =
                      new Release(
                          projectId,
                          tagName,
                          name,
                          description,
                          "https://gitlab.test/" + projectId + "/-/releases/" + tagName);
                  releases.add(made);
                  return made;
                });
    return ref(release);
  }

  @Override
  public List<GitLabCommit> compare(String projectId, String fromRef, String toRef) {
    call(
        GitLabOperation.COMPARE, projectId, "compare " + projectId + " " + fromRef + "..." + toRef);
    return ranges.getOrDefault(projectId + " " + fromRef + "..." + toRef, List.of());
  }

  @Override
  public void ensureEnvironment(String projectId, String name, String tier) {
    call(
        GitLabOperation.LIST_ENVIRONMENTS,
        projectId,
        "ensureEnvironment " + projectId + " " + name);
    environments.computeIfAbsent(projectId, p -> new LinkedHashMap<>()).put(name, tier);
  }

  @Override
  public Optional<DeploymentRef> findDeployment(
      String projectId, String environment, String sha, Instant createdAfter) {
    call(
        GitLabOperation.LIST_DEPLOYMENTS,
        projectId,
        "findDeployment " + projectId + " " + environment);
    return deployments.stream()
        .filter(d -> d.project().equals(projectId) && d.environment().equals(environment))
        .filter(d -> d.sha().equals(sha) && !d.createdAt().isBefore(createdAfter))
        .reduce((first, second) -> second)
        .map(InMemoryGitLab::ref);
  }

  @Override
  public DeploymentRef createDeployment(
      String projectId, String environment, String ref, boolean refIsTag, String sha) {
    call(
        GitLabOperation.CREATE_DEPLOYMENT,
        projectId,
        "createDeployment " + projectId + " " + environment + " " + ref + " " + sha);
    Deployment deployment =
        new Deployment(deployments.size() + 1L, projectId, environment, sha, ref, refIsTag, now);
    deployments.add(deployment);
    return ref(deployment);
  }

  private void call(GitLabOperation operation, String projectId, String call) {
    calls.add(call);
    Deque<GitLabException> queued = failures.get(operation + " " + projectId);
    if (queued != null && !queued.isEmpty()) {
      throw queued.poll();
    }
  }

  private Optional<Release> findRelease(String projectId, String tagName) {
    return releases.stream()
        .filter(r -> r.project().equals(projectId) && r.tag().equals(tagName))
        .findFirst();
  }

  private static ReleaseRef ref(Release release) {
    return new ReleaseRef(release.tag(), release.name(), release.url());
  }

  private static DeploymentRef ref(Deployment d) {
    return new DeploymentRef(d.id(), d.environment(), d.sha(), d.ref(), "success");
  }
}
