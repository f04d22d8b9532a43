package io.gitops.promotion.gitlab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One project of {@link FakeGitLabServer}: its commit graph, refs, releases, environments,
 * deployments.
 */
final class FakeProject {

  final long id;
  final String path;
  final Map<String, FakeCommit> commits = new LinkedHashMap<>();
  final Map<String, String> branches = new LinkedHashMap<>();
  final Map<String, FakeTag> tags = new LinkedHashMap<>();
  final Map<String, FakeRelease> releases = new LinkedHashMap<>();
  final List<FakeEnvironment> environments = new ArrayList<>();
  final List<FakeDeployment> deployments = new ArrayList<>();
  final Map<Long, FakeMergeRequest> mergeRequests = new LinkedHashMap<>();

  /** Approvals a merge request needs before it may merge (an approval rule of GitLab Premium). */
  int approvalsRequired;

  /**
   * The project's merge method: {@code merge} (a merge commit) or {@code ff} (fast-forward only).
   */
  String mergeMethod = "merge";

  /** The Git repository the project hosts, or {@code null}: only seeded commits exist. */
  HostedRepository hosted;

  private int generated;

  FakeProject(long id, String path) {
    this.id = id;
    this.path = path;
  }

  String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  String generateSha(String seed) {
    return sha1(id + "/" + ++generated + "/" + seed);
  }

  static String sha1(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  FakeCommit commit(String sha, String message, List<String> parents, Instant at) {
    return commits.computeIfAbsent(sha, s -> new FakeCommit(s, message, parents, at));
  }

  /** A full or abbreviated commit SHA, a branch or a tag, as GitLab resolves a {@code ref}. */
  Optional<FakeCommit> resolve(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    if (branches.containsKey(ref)) {
      return Optional.of(commits.get(branches.get(ref)));
    }
    if (tags.containsKey(ref)) {
      return Optional.of(commits.get(tags.get(ref).sha()));
    }
    if (ref.length() >= 7 && ref.matches("[0-9a-f]+")) {
      Optional<FakeCommit> seeded =
          commits.values().stream().filter(c -> c.sha().startsWith(ref)).findFirst();
      if (seeded.isPresent()) {
        return seeded;
      }
    }
    return fromHostedRepository(ref);
  }

  private Optional<FakeCommit> fromHostedRepository(String ref) {
    if (hosted == null) {
      return Optional.empty();
    }
    Optional<FakeCommit> found = hosted.resolve(ref);
    found.ifPresent(c -> commits.putIfAbsent(c.sha(), c));
    return found;
  }

  /** Commits reachable from {@code to} and not from {@code from}, parents before children. */
  List<FakeCommit> range(FakeCommit from, FakeCommit to) {
    Set<String> excluded = ancestors(from.sha());
    Set<String> wanted = ancestors(to.sha());
    wanted.removeAll(excluded);
    wanted.retainAll(commits.keySet());
    List<FakeCommit> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (ordered.size() < wanted.size()) {
      for (FakeCommit commit : commits.values()) {
        if (wanted.contains(commit.sha())
            && !placed.contains(commit.sha())
            && commit.parentIds().stream()
                .noneMatch(p -> wanted.contains(p) && !placed.contains(p))) {
          ordered.add(commit);
          placed.add(commit.sha());
        }
      }
    }
    return ordered;
  }

  private Set<String> ancestors(String sha) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> pending = new ArrayDeque<>(List.of(sha));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (seen.add(next) && commits.containsKey(next)) {
        pending.addAll(commits.get(next).parentIds());
      }
    }
    return seen;
  }
}
