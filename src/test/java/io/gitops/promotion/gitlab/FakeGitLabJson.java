package io.gitops.promotion.gitlab;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of GitLab's REST API v4 documentation (projects, tags, releases, compare,
 * environments, deployments), as ordered maps for Jackson to write.
 */
final class FakeGitLabJson {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  private final String webUrl;

  FakeGitLabJson(String webUrl) {
    this.webUrl = webUrl;
  }

  Map<String, Object> project(FakeProject p) {
    String namespace = p.path.contains("/") ? p.path.substring(0, p.path.lastIndexOf('/')) : p.path;
    return map(
        "id",
        p.id,
        "description",
        null,
        "name",
        p.name(),
        "name_with_namespace",
        p.path.replace("/", " / "),
        "path",
        p.name(),
        "path_with_namespace",
        p.path,
        "created_at",
        time(EPOCH),
        "default_branch",
        "main",
        "tag_list",
        List.of(),
        "topics",
        List.of(),
        "ssh_url_to_repo",
        "git@" + host() + ":" + p.path + ".git",
        "http_url_to_repo",
        webUrl + "/" + p.path + ".git",
        "web_url",
        webUrl + "/" + p.path,
        "readme_url",
        null,
        "avatar_url",
        null,
        "forks_count",
        0,
        "star_count",
        0,
        "last_activity_at",
        time(EPOCH),
        "namespace",
        map(
            "id",
            1,
            "name",
            namespace,
            "path",
            namespace,
            "kind",
            "group",
            "full_path",
            namespace,
            "parent_id",
            null,
            "avatar_url",
            null,
            "web_url",
            webUrl + "/groups/" + namespace));
  }

  Map<String, Object> commit(FakeProject p, FakeCommit c) {
    String at = time(c.committedAt());
    return map(
        "id",
        c.sha(),
        "short_id",
        c.sha().substring(0, 8),
        "created_at",
        at,
        "parent_ids",
        c.parentIds(),
        "title",
        c.title(),
        "message",
        c.message(),
        "author_name",
        "Jane Developer",
        "author_email",
        "jane@example.com",
        "authored_date",
        at,
        "committer_name",
        "Jane Developer",
        "committer_email",
        "jane@example.com",
        "committed_date",
        at,
        "trailers",
        Map.of(),
        "extended_trailers",
        Map.of(),
        "web_url",
        webUrl + "/" + p.path + "/-/commit/" + c.sha());
  }

  /** An annotated tag's {@code target} is the tag object, a lightweight tag's the commit. */
  Map<String, Object> tag(FakeProject p, FakeTag t) {
    FakeRelease release = p.releases.get(t.name());
    return map(
        "name",
        t.name(),
        "message",
        t.message(),
        "target",
        t.message() == null ? t.sha() : FakeProject.sha1(p.id + " tag object " + t.name()),
        "commit",
        commit(p, p.commits.get(t.sha())),
        "release",
        release == null
            ? null
            : map("tag_name", release.tagName(), "description", release.description()),
        "protected",
        false,
        "created_at",
        t.createdAt() == null ? null : time(t.createdAt()));
  }

  Map<String, Object> release(FakeProject p, FakeRelease r) {
    String tagSha = p.tags.get(r.tagName()).sha();
    String releaseUrl = webUrl + "/" + p.path + "/-/releases/" + r.tagName();
    String archive =
        webUrl + "/" + p.path + "/-/archive/" + r.tagName() + "/" + p.name() + "-" + r.tagName();
    return map(
        "name", r.name(),
        "tag_name", r.tagName(),
        "description", r.description(),
        "created_at", time(r.createdAt()),
        "released_at", time(r.createdAt()),
        "upcoming_release", false,
        "author", user(),
        "commit", commit(p, p.commits.get(tagSha)),
        "commit_path", "/" + p.path + "/-/commit/" + tagSha,
        "tag_path", "/" + p.path + "/-/tags/" + r.tagName(),
        "assets",
            map(
                "count", 4,
                "sources",
                    List.of(
                        map("format", "zip", "url", archive + ".zip"),
                        map("format", "tar.gz", "url", archive + ".tar.gz"),
                        map("format", "tar.bz2", "url", archive + ".tar.bz2"),
                        map("format", "tar", "url", archive + ".tar")),
                "links", List.of()),
        "evidences", List.of(),
        "_links",
            map(
                "closed_issues_url",
                    webUrl
                        + "/"
                        + p.path
                        + "/-/issues?release_tag="
                        + r.tagName()
                        + "&scope=all&state=closed",
                "closed_merge_requests_url",
                    webUrl
                        + "/"
                        + p.path
                        + "/-/merge_requests?release_tag="
                        + r.tagName()
                        + "&scope=all&state=closed",
                "edit_url", releaseUrl + "/edit",
                "merged_merge_requests_url",
                    webUrl
                        + "/"
                        + p.path
                        + "/-/merge_requests?release_tag="
                        + r.tagName()
                        + "&scope=all&state=merged",
                "opened_issues_url",
                    webUrl
                        + "/"
                        + p.path
                        + "/-/issues?release_tag="
                        + r.tagName()
                        + "&scope=all&state=opened",
                "opened_merge_requests_url",
                    webUrl
                        + "/"
                        + p.path
                        + "/-/merge_requests?release_tag="
                        + r.tagName()
                        + "&scope=all&state=opened",
                "self", releaseUrl));
  }

  Map<String, Object> compare(
      FakeProject p, List<FakeCommit> commits, boolean sameRef, String from, String to) {
    return map(
        "commit",
        commits.isEmpty() ? null : commit(p, commits.get(commits.size() - 1)),
        "commits",
        commits.stream().map(c -> commit(p, c)).toList(),
        "diffs",
        List.of(),
        "compare_timeout",
        false,
        "compare_same_ref",
        sameRef,
        "web_url",
        webUrl + "/" + p.path + "/-/compare/" + from + "..." + to);
  }

  Map<String, Object> environment(FakeEnvironment e) {
    return map(
        "id", e.id(),
        "name", e.name(),
        "slug", e.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
        "description", null,
        "external_url", null,
        "state", "available",
        "tier", e.tier(),
        "created_at", time(e.createdAt()),
        "updated_at", time(e.updatedAt()),
        "auto_stop_at", null);
  }

  Map<String, Object> deployment(FakeProject p, FakeDeployment d) {
    FakeEnvironment environment =
        p.environments.stream()
            .filter(e -> e.name().equals(d.environment()))
            .findFirst()
            .orElseThrow();
    return map(
        "id", d.id(),
        "iid", d.iid(),
        "ref", d.ref(),
        "sha", d.sha(),
        "created_at", time(d.createdAt()),
        "updated_at", time(d.updatedAt()),
        "status", d.status(),
        "user", user(),
        "environment",
            map("id", environment.id(), "name", environment.name(), "external_url", null),
        "deployable", null);
  }

  /** GitLab's timestamps: UTC with milliseconds, {@code 2016-08-11T07:36:40.222Z}. */
  static String time(Instant instant) {
    return TIME.format(instant);
  }

  private Map<String, Object> user() {
    return map(
        "id",
        1,
        "username",
        "root",
        "name",
        "Administrator",
        "state",
        "active",
        "avatar_url",
        null,
        "web_url",
        webUrl + "/root");
  }

  private String host() {
    return webUrl.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
  }

  /** A map that keeps the documented key order and allows {@code null} values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
