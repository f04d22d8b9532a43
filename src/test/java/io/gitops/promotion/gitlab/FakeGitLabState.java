package io.gitops.promotion.gitlab;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data of {@link FakeGitLabServer} and GitLab's rules for changing it. Callers hold the monitor
 * of this object while they read or change it.
 */
final class FakeGitLabState {

  static final List<String> TIERS =
      List.of("production", "staging", "testing", "development", "other");
  static final List<String> DEPLOYMENT_STATUSES =
      List.of("running", "success", "failed", "canceled");

  private final Map<Long, FakeProject> projects = new LinkedHashMap<>();
  private final Clock clock;
  private long nextEnvironmentId = 1;
  private long nextDeploymentId = 1;
  private long nextMergeRequestId = 1;

  /** GitLab users by username, for the Users API. */
  final Map<String, Long> users = new LinkedHashMap<>();

  FakeGitLabState(Clock clock) {
    this.clock = clock;
  }

  long nextMergeRequestId() {
    return nextMergeRequestId++;
  }

  /** GitLab keeps milliseconds. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  FakeProject addProject(long id, String path) {
    if (projects.containsKey(id) || findProject(path).isPresent()) {
      throw new IllegalArgumentException("project " + id + " / " + path + " exists already");
    }
    FakeProject project = new FakeProject(id, path);
    projects.put(id, project);
    return project;
  }

  /** By numeric id or by {@code path_with_namespace}, as GitLab accepts {@code :id}. */
  Optional<FakeProject> findProject(String idOrPath) {
    if (idOrPath.matches("\\d+")) {
      return Optional.ofNullable(projects.get(Long.parseLong(idOrPath)));
    }
    return projects.values().stream().filter(p -> p.path.equals(idOrPath)).findFirst();
  }

  /** For seeding: a project the test named must exist. */
  FakeProject project(String idOrPath) {
    return findProject(idOrPath)
        .orElseThrow(
            () -> new IllegalArgumentException("no project " + idOrPath + "; addProject first"));
  }

  FakeTag createTag(FakeProject project, String name, String ref, String message) {
    if (project.tags.containsKey(name)) {
      throw FakeApiError.message(400, "Tag " + name + " already exists");
    }
    FakeCommit target =
        project
            .resolve(ref)
            .orElseThrow(() -> FakeApiError.message(400, "Target " + ref + " is invalid"));
    FakeTag tag = new FakeTag(name, target.sha(), message, message == null ? null : now());
    project.tags.put(name, tag);
    return tag;
  }

  FakeRelease createRelease(
      FakeProject project, String tagName, String name, String description, String ref) {
    if (project.releases.containsKey(tagName)) {
      throw FakeApiError.message(409, "Release already exists");
    }
    if (!project.tags.containsKey(tagName)) {
      if (ref == null || ref.isEmpty()) {
        throw FakeApiError.message(422, "Ref is not specified");
      }
      createTag(project, tagName, ref, null);
    }
    FakeRelease release =
        new FakeRelease(tagName, name == null ? tagName : name, description, now());
    project.releases.put(tagName, release);
    return release;
  }

  FakeEnvironment createEnvironment(FakeProject project, String name, String tier) {
    if (project.environments.stream().anyMatch(e -> e.name().equals(name))) {
      throw FakeApiError.message(400, Map.of("name", List.of("has already been taken")));
    }
    Instant now = now();
    FakeEnvironment environment =
        new FakeEnvironment(
            nextEnvironmentId++, name, tier == null ? guessTier(name) : tier, now, now);
    project.environments.add(environment);
    return environment;
  }

  FakeEnvironment updateEnvironmentTier(FakeProject project, long environmentId, String tier) {
    for (int i = 0; i < project.environments.size(); i++) {
      FakeEnvironment environment = project.environments.get(i);
      if (environment.id() == environmentId) {
        FakeEnvironment updated = tier == null ? environment : environment.withTier(tier, now());
        project.environments.set(i, updated);
        return updated;
      }
    }
    throw FakeApiError.notFound("Environment");
  }

  FakeEnvironment findOrCreateEnvironment(FakeProject project, String name) {
    return project.environments.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseGet(() -> createEnvironment(project, name, null));
  }

  /** GitLab checks that the SHA is a commit and the ref a branch, tag or commit of the project. */
  FakeDeployment createDeployment(
      FakeProject project,
      String environment,
      String sha,
      String ref,
      boolean tag,
      String status,
      Instant at) {
    Map<String, List<String>> invalid = new LinkedHashMap<>();
    if (project.resolve(sha).isEmpty()) {
      invalid.put("sha", List.of("The commit does not exist"));
    }
    if (project.resolve(ref).isEmpty()) {
      invalid.put("ref", List.of("The branch or tag does not exist"));
    }
    if (!invalid.isEmpty()) {
      throw FakeApiError.message(400, invalid);
    }
    return addDeployment(
        project, environment, project.resolve(sha).get().sha(), ref, tag, status, at);
  }

  FakeDeployment addDeployment(
      FakeProject project,
      String environment,
      String sha,
      String ref,
      boolean tag,
      String status,
      Instant at) {
    findOrCreateEnvironment(project, environment);
    long iid = project.deployments.size() + 1;
    FakeDeployment deployment =
        new FakeDeployment(nextDeploymentId++, iid, environment, sha, ref, tag, status, at, at);
    project.deployments.add(deployment);
    return deployment;
  }

  /** GitLab's guess when an environment is created without a tier (by a deployment, say). */
  static String guessTier(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (Pattern.compile("(dev|review|trunk)").matcher(lower).find()) {
      return "development";
    }
    if (Pattern.compile("(test|tst|int|ac(ce)?pt|qa|qc|control|quality)").matcher(lower).find()) {
      return "testing";
    }
    if (Pattern.compile("(st(a)?g|mod(e)?l|pre|demo|non)").matcher(lower).find()) {
      return "staging";
    }
    if (Pattern.compile("(pr(o)?d|live)").matcher(lower).find()) {
      return "production";
    }
    return "other";
  }
}
