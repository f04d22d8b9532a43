package io.gitops.promotion.gitlab;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The endpoints of the fake GitLab: maps a decoded request to the state and to GitLab's JSON. */
final class FakeGitLabRoutes {

  private static final List<String> DEPLOYMENT_ORDER =
      List.of("id", "iid", "created_at", "updated_at", "finished_at", "ref");
  private static final DateTimeFormatter OFFSET_WITHOUT_COLON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

  private final FakeGitLabState state;
  private final FakeGitLabJson json;
  private final FakeMergeRequestRoutes mergeRequests;

  FakeGitLabRoutes(
      FakeGitLabState state, FakeGitLabJson json, FakeMergeRequestRoutes mergeRequests) {
    this.state = state;
    this.json = json;
    this.mergeRequests = mergeRequests;
  }

  FakeResponse handle(FakeRequest request) {
    List<String> s = request.segments();
    if (s.size() == 1 && s.get(0).equals("users") && request.method().equals("GET")) {
      synchronized (state) {
        String username = request.param("username");
        return ok(
            state.users.entrySet().stream()
                .filter(u -> username == null || u.getKey().equals(username))
                .map(u -> mergeRequests.user(u.getValue(), u.getKey()))
                .toList());
      }
    }
    if (s.size() < 2 || !s.get(0).equals("projects")) {
      throw FakeApiError.error(404, "404 Not Found");
    }
    synchronized (state) {
      FakeProject project =
          state.findProject(s.get(1)).orElseThrow(() -> FakeApiError.notFound("Project"));
      Optional<FakeResponse> mergeRequest =
          mergeRequests.handle(project, request, s.subList(2, s.size()));
      if (mergeRequest.isPresent()) {
        return mergeRequest.get();
      }
      String route = route(s.subList(2, s.size()));
      String last = s.get(s.size() - 1);
      return switch (request.method() + " " + route) {
        case "GET " -> ok(json.project(project));
        case "GET repository/tags" ->
            page(
                request,
                newestFirst(project.tags.values()).stream().map(t -> json.tag(project, t)));
        case "POST repository/tags" -> createTag(project, request);
        case "GET repository/tags/:name" ->
            ok(json.tag(project, existing(project.tags.get(last), "Tag")));
        case "GET repository/compare" -> compare(project, request);
        case "GET releases" ->
            page(
                request,
                project.releases.values().stream()
                    .sorted(Comparator.comparing(FakeRelease::createdAt).reversed())
                    .map(r -> json.release(project, r)));
        case "POST releases" -> createRelease(project, request);
        case "GET releases/:name" -> ok(json.release(project, existingRelease(project, last)));
        case "GET environments" ->
            page(
                request,
                project.environments.stream()
                    .filter(
                        e ->
                            request.param("name") == null || e.name().equals(request.param("name")))
                    .filter(
                        e ->
                            request.param("search") == null
                                || e.name().contains(request.param("search")))
                    .map(json::environment));
        case "POST environments" -> createEnvironment(project, request);
        case "GET environments/:id" -> ok(json.environment(environment(project, last)));
        case "PUT environments/:id" -> updateEnvironment(project, request, last);
        case "GET deployments" -> listDeployments(project, request);
        case "POST deployments" -> createDeployment(project, request);
        case "GET deployments/:id" ->
            ok(
                json.deployment(
                    project,
                    project.deployments.stream()
                        .filter(d -> String.valueOf(d.id()).equals(last))
                        .findFirst()
                        .orElseThrow(() -> FakeApiError.notFound("Deployment"))));
        default -> throw FakeApiError.error(404, "404 Not Found");
      };
    }
  }

  private FakeResponse createTag(FakeProject project, FakeRequest request) {
    request.require("tag_name", "ref");
    FakeTag tag =
        state.createTag(
            project, request.param("tag_name"), request.param("ref"), request.param("message"));
    return FakeResponse.json(201, json.tag(project, tag));
  }

  private FakeResponse compare(FakeProject project, FakeRequest request) {
    request.require("from", "to");
    FakeCommit from =
        project.resolve(request.param("from")).orElseThrow(() -> FakeApiError.notFound("Ref"));
    FakeCommit to =
        project.resolve(request.param("to")).orElseThrow(() -> FakeApiError.notFound("Ref"));
    boolean same = from.sha().equals(to.sha());
    return ok(
        json.compare(
            project, project.range(from, to), same, request.param("from"), request.param("to")));
  }

  private FakeResponse createRelease(FakeProject project, FakeRequest request) {
    request.require("tag_name");
    FakeRelease release =
        state.createRelease(
            project,
            request.param("tag_name"),
            request.param("name"),
            request.param("description"),
            request.param("ref"));
    return FakeResponse.json(201, json.release(project, release));
  }

  private FakeResponse createEnvironment(FakeProject project, FakeRequest request) {
    request.require("name");
    request.requireOneOf("tier", FakeGitLabState.TIERS);
    FakeEnvironment created =
        state.createEnvironment(project, request.param("name"), request.param("tier"));
    return FakeResponse.json(201, json.environment(created));
  }

  private FakeResponse updateEnvironment(FakeProject project, FakeRequest request, String id) {
    request.requireOneOf("tier", FakeGitLabState.TIERS);
    long environmentId = environment(project, id).id();
    return ok(
        json.environment(
            state.updateEnvironmentTier(project, environmentId, request.param("tier"))));
  }

  private FakeResponse listDeployments(FakeProject project, FakeRequest request) {
    request.requireOneOf("order_by", DEPLOYMENT_ORDER);
    request.requireOneOf("sort", List.of("asc", "desc"));
    String orderBy = request.param("order_by") == null ? "id" : request.param("order_by");
    Instant after = instant(request, "updated_after");
    Instant before = instant(request, "updated_before");
    if ((after != null || before != null) && !orderBy.equals("updated_at")) {
      throw FakeApiError.message(
          400, "400 Bad request - `updated_at` filter requires `updated_at` sort");
    }
    Comparator<FakeDeployment> order =
        switch (orderBy) {
          case "iid" -> Comparator.comparingLong(FakeDeployment::iid);
          case "created_at" -> Comparator.comparing(FakeDeployment::createdAt);
          case "updated_at" -> Comparator.comparing(FakeDeployment::updatedAt);
          case "ref" -> Comparator.comparing(FakeDeployment::ref);
          default -> Comparator.comparingLong(FakeDeployment::id);
        };
    order = order.thenComparingLong(FakeDeployment::id);
    return page(
        request,
        project.deployments.stream()
            .filter(
                d ->
                    request.param("environment") == null
                        || d.environment().equals(request.param("environment")))
            .filter(
                d -> request.param("status") == null || d.status().equals(request.param("status")))
            .filter(d -> after == null || d.updatedAt().isAfter(after))
            .filter(d -> before == null || d.updatedAt().isBefore(before))
            .sorted("desc".equals(request.param("sort")) ? order.reversed() : order)
            .map(d -> json.deployment(project, d)));
  }

  private FakeResponse createDeployment(FakeProject project, FakeRequest request) {
    request.require("environment", "sha", "ref", "tag", "status");
    request.requireOneOf("tag", List.of("true", "false"));
    request.requireOneOf("status", FakeGitLabState.DEPLOYMENT_STATUSES);
    FakeDeployment deployment =
        state.createDeployment(
            project,
            request.param("environment"),
            request.param("sha"),
            request.param("ref"),
            Boolean.parseBoolean(request.param("tag")),
            request.param("status"),
            state.now());
    return FakeResponse.json(201, json.deployment(project, deployment));
  }

  /** GitLab's offset pagination: {@code page}, {@code per_page} (max 100) and the X-* headers. */
  private static FakeResponse page(FakeRequest request, Stream<Map<String, Object>> items) {
    List<Map<String, Object>> all = items.toList();
    int perPage = Math.max(1, Math.min(100, request.intParam("per_page", 20)));
    int page = Math.max(1, request.intParam("page", 1));
    int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
    List<Map<String, Object>> slice =
        all.subList(
            Math.min(all.size(), (page - 1) * perPage), Math.min(all.size(), page * perPage));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Page", String.valueOf(page));
    headers.put("X-Per-Page", String.valueOf(perPage));
    headers.put("X-Total", String.valueOf(all.size()));
    headers.put("X-Total-Pages", String.valueOf(totalPages));
    headers.put("X-Next-Page", page < totalPages ? String.valueOf(page + 1) : "");
    headers.put("X-Prev-Page", page > 1 ? String.valueOf(page - 1) : "");
    return FakeResponse.json(200, slice).withHeaders(headers);
  }

  private static FakeResponse ok(Object body) {
    return FakeResponse.json(200, body);
  }

  /**
   * {@code environments/7 -> environments/:id}, {@code repository/tags/v1.0 ->
   * repository/tags/:name}.
   */
  private static String route(List<String> segments) {
    StringBuilder route = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      String previous = i == 0 ? "" : segments.get(i - 1);
      String segment =
          switch (previous) {
            case "tags", "releases" -> ":name";
            case "environments", "deployments" -> ":id";
            default -> segments.get(i);
          };
      route.append(i == 0 ? "" : "/").append(segment);
    }
    return route.toString();
  }

  private static <T> List<T> newestFirst(Collection<T> inInsertionOrder) {
    List<T> list = new ArrayList<>(inInsertionOrder);
    Collections.reverse(list);
    return list;
  }

  private static <T> T existing(T value, String what) {
    if (value == null) {
      throw FakeApiError.notFound(what);
    }
    return value;
  }

  private static FakeRelease existingRelease(FakeProject project, String tagName) {
    FakeRelease release = project.releases.get(tagName);
    if (release == null) {
      throw FakeApiError.message(404, "404 Not Found");
    }
    return release;
  }

  private static FakeEnvironment environment(FakeProject project, String id) {
    return project.environments.stream()
        .filter(e -> String.valueOf(e.id()).equals(id))
        .findFirst()
        .orElseThrow(() -> FakeApiError.notFound("Environment"));
  }

  private static Instant instant(FakeRequest request, String name) {
    String value = request.param(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON).toInstant();
      } catch (DateTimeParseException again) {
        throw FakeApiError.error(400, name + " is invalid");
      }
    }
  }
}
