package io.gitops.promotion.gitlab;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stateful fake of GitLab's REST API v4 over real HTTP on 127.0.0.1, for tests: projects, tags,
 * releases, compare, environments and deployments, answering with GitLab's documented JSON and
 * errors. Seed it, point a client at {@link #url()} with {@link #token()}, inject faults, then
 * inspect what the client did.
 *
 * <pre>{@code
 * try (FakeGitLabServer gitlab = FakeGitLabServer.start()) {
 *   gitlab.addProject(1331, "tbd/frontend");
 *   gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard", "fix: resolve login timeout");
 *   gitlab.failNext("POST", "/projects/1331/repository/tags", 500, 1);
 * }
 * }</pre>
 *
 * Project arguments are a numeric id or a {@code path_with_namespace}. Fault path prefixes are
 * matched against the decoded path without {@code /api/v4}, as the client addressed it.
 */
public final class FakeGitLabServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final FakeGitLabState state;
  private final FakeMergeRequestRoutes mergeRequests;
  private final FakeFaults faults = new FakeFaults();
  private final FakeRequestHooks hooks = new FakeRequestHooks();
  private final List<RecordedRequest> log = FakeGitLabApi.newLog();
  private final String token;
  private final String url;

  private FakeGitLabServer(String token, Clock clock) throws IOException {
    this.token = token;
    this.state = new FakeGitLabState(clock);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "fake-gitlab");
              thread.setDaemon(true);
              return thread;
            });
    this.mergeRequests = new FakeMergeRequestRoutes(state, new FakeMergeRequestJson(url));
    server.createContext(
        "/",
        new FakeGitLabApi(
            new FakeGitLabRoutes(state, new FakeGitLabJson(url), mergeRequests),
            faults,
            hooks,
            log,
            token));
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a fake with a random token. */
  public static FakeGitLabServer start() {
    return start("fake-token-" + UUID.randomUUID().toString().replace("-", ""), Clock.systemUTC());
  }

  /** Starts a fake accepting {@code token}; {@code clock} stamps what the API creates. */
  public static FakeGitLabServer start(String token, Clock clock) {
    try {
      return new FakeGitLabServer(token, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The base URL for a client, e.g. {@code http://127.0.0.1:41234} (the API is under {@code
   * /api/v4}).
   */
  public String url() {
    return url;
  }

  /**
   * The private token the fake accepts in {@code PRIVATE-TOKEN} (or {@code Authorization: Bearer}).
   */
  public String token() {
    return token;
  }

  // ---------------------------------------------------------------- seeding

  public void addProject(long id, String pathWithNamespace) {
    synchronized (state) {
      state.addProject(id, pathWithNamespace);
    }
  }

  /**
   * The GitOps project 1234 ({@code devops/argocd}) hosting that repository, and the projects of
   * the example repository's tbd-test services with the release history its DEV overlays promote:
   * what a test of the merge request flow starts from.
   */
  public void addExampleProjects(Path gitopsRepository) {
    addProject(1234, "devops/argocd");
    hostRepository("1234", gitopsRepository);
    addProject(1331, "tbd/frontend");
    addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    addProject(1332, "tbd/backend");
    addCommits("1332", "v1.2.0", "v1.4.0", "feat: add /api/info endpoint");
    addProject(1333, "tbd/worker");
    addTag("1333", "v0.8.1", "0000000000000000000000000000000000001333");
  }

  /**
   * The project hosts this Git repository (a bare one, say): its branches and commits become the
   * project's as requests name them, as GitLab knows every commit pushed to a project it hosts.
   */
  public void hostRepository(String project, Path gitDir) {
    synchronized (state) {
      state.project(project).hosted = new HostedRepository(gitDir);
    }
  }

  /** A commit with the given parents (none for a root commit). */
  public String addCommit(String project, String sha, String message, String... parentShas) {
    synchronized (state) {
      return state.project(project).commit(sha, message, List.of(parentShas), state.now()).sha();
    }
  }

  /** A lightweight tag; an unknown SHA becomes a root commit first. */
  public void addTag(String project, String name, String sha) {
    synchronized (state) {
      FakeProject p = ensureCommit(project, sha);
      p.tags.put(name, new FakeTag(name, sha, null, null));
    }
  }

  /** A branch head; an unknown SHA becomes a root commit first. */
  public void addBranch(String project, String name, String sha) {
    synchronized (state) {
      ensureCommit(project, sha).branches.put(name, sha);
    }
  }

  /**
   * A linear history from tag {@code fromTag} (created on a new root commit if missing) to a new
   * tag {@code toTag}, one commit per message, oldest first. A message starting with {@code Merge
   * branch} makes a merge commit (second parent: the commit of {@code fromTag}).
   *
   * @return the new commits' SHAs, oldest first
   */
  public List<String> addCommits(String project, String fromTag, String toTag, String... messages) {
    synchronized (state) {
      FakeProject p = state.project(project);
      if (!p.tags.containsKey(fromTag)) {
        addTag(project, fromTag, p.generateSha(fromTag));
      }
      String base = p.tags.get(fromTag).sha();
      String previous = base;
      List<String> shas = new ArrayList<>();
      for (String message : messages) {
        List<String> parents =
            message.startsWith("Merge branch") ? List.of(previous, base) : List.of(previous);
        previous = p.commit(p.generateSha(message), message, parents, state.now()).sha();
        shas.add(previous);
      }
      p.tags.put(toTag, new FakeTag(toTag, previous, null, null));
      return shas;
    }
  }

  /**
   * @return the environment's id
   */
  public long addEnvironment(String project, String name, String tier) {
    synchronized (state) {
      return state.createEnvironment(state.project(project), name, tier).id();
    }
  }

  /** A deployment as if made earlier; creates its environment when missing. @return its id */
  public long addDeployment(
      String project,
      String environment,
      String sha,
      String ref,
      boolean tag,
      String status,
      Instant createdAt) {
    synchronized (state) {
      return state
          .addDeployment(state.project(project), environment, sha, ref, tag, status, createdAt)
          .id();
    }
  }

  // ---------------------------------------------------------------- merge requests

  /** A GitLab user the Users API finds by username. @return its id */
  public long addUser(String username) {
    synchronized (state) {
      return state.users.computeIfAbsent(username, u -> 100L + state.users.size());
    }
  }

  /** Merge requests of the project need this many approvals (an approval rule). */
  public void requireApprovals(String project, int approvals) {
    synchronized (state) {
      state.project(project).approvalsRequired = approvals;
    }
  }

  /** The project's merge method: {@code merge} (merge commits, the default) or {@code ff}. */
  public void mergeMethod(String project, String method) {
    synchronized (state) {
      state.project(project).mergeMethod = method;
    }
  }

  /** The merge requests of a project, oldest first. */
  public List<FakeMergeRequest> mergeRequests(String project) {
    return read(project, p -> List.copyOf(p.mergeRequests.values()));
  }

  /** GitLab's {@code detailed_merge_status} of a request now. */
  public String detailedMergeStatus(String project, long iid) {
    return read(project, p -> mergeRequests.detailedMergeStatus(p, mergeRequest(p, iid)));
  }

  /** A user approves the request, as in GitLab's web page. */
  public void approve(String project, long iid, String username) {
    read(
        project,
        p -> {
          mergeRequests.approve(mergeRequest(p, iid), username);
          mergeRequests.autoMerge(p, mergeRequest(p, iid));
          return null;
        });
  }

  /**
   * The request's head pipeline now has this status ({@code running}, {@code success}, {@code
   * failed}).
   */
  public void pipeline(String project, long iid, String status) {
    read(
        project,
        p -> {
          mergeRequest(p, iid).pipelineStatus = status;
          mergeRequests.autoMerge(p, mergeRequest(p, iid));
          return null;
        });
  }

  /**
   * Someone presses Merge: the request lands on its target branch with real Git (merge commit,
   * squash commit or fast-forward), refused as GitLab refuses when it is not mergeable.
   */
  public void merge(String project, long iid) {
    read(
        project,
        p -> {
          mergeRequests.land(p, mergeRequest(p, iid));
          return null;
        });
  }

  /** Someone closes the request without merging it. */
  public void closeMergeRequest(String project, long iid) {
    read(
        project,
        p -> {
          mergeRequest(p, iid).state = "closed";
          return null;
        });
  }

  private static FakeMergeRequest mergeRequest(FakeProject project, long iid) {
    FakeMergeRequest mr = project.mergeRequests.get(iid);
    if (mr == null) {
      throw new IllegalArgumentException("no merge request !" + iid + " in " + project.path);
    }
    return mr;
  }

  // ---------------------------------------------------------------- faults

  /** The next {@code times} matching requests fail with {@code status} and change nothing. */
  public void failNext(String method, String pathPrefix, int status, int times) {
    faults.add(new FakeFaults.Fault(method, pathPrefix, status, null, false), times);
  }

  /**
   * The next {@code times} matching requests get {@code 429 Retry later} with {@code Retry-After}.
   */
  public void rateLimitNext(String method, String pathPrefix, Duration retryAfter, int times) {
    faults.add(new FakeFaults.Fault(method, pathPrefix, 429, retryAfter, false), times);
  }

  /**
   * The next {@code times} matching requests take effect, but their response is {@code status}: a
   * lost response.
   */
  public void failNextAfterApplying(String method, String pathPrefix, int status, int times) {
    faults.add(new FakeFaults.Fault(method, pathPrefix, status, null, true), times);
  }

  /** The next {@code times} matching requests get no response: the connection is closed. */
  public void dropNext(String method, String pathPrefix, int times) {
    faults.add(new FakeFaults.Fault(method, pathPrefix, 0, null, false), times);
  }

  /**
   * Runs {@code action} once, after the next matching request succeeded and before it is answered
   * (the client waits meanwhile).
   */
  public void onNext(String method, String pathPrefix, Runnable action) {
    hooks.add(method, pathPrefix, action);
  }

  /** Forgets the faults not used yet: GitLab is well again. */
  public void clearFaults() {
    faults.clear();
  }

  // ---------------------------------------------------------------- inspection

  public List<FakeTag> tags(String project) {
    return read(project, p -> List.copyOf(p.tags.values()));
  }

  public List<FakeRelease> releases(String project) {
    return read(project, p -> List.copyOf(p.releases.values()));
  }

  public List<FakeEnvironment> environments(String project) {
    return read(project, p -> List.copyOf(p.environments));
  }

  public List<FakeDeployment> deployments(String project) {
    return read(project, p -> List.copyOf(p.deployments));
  }

  /** Every request received, in order, including refused ones. */
  public List<RecordedRequest> requestLog() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** The requests with this method whose decoded path starts with {@code pathPrefix}. */
  public List<RecordedRequest> requests(String method, String pathPrefix) {
    return requestLog().stream().filter(r -> r.matches(method, pathPrefix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private FakeProject ensureCommit(String project, String sha) {
    FakeProject p = state.project(project);
    p.commit(sha, "Initial commit", List.of(), state.now());
    return p;
  }

  private <T> T read(String project, Function<FakeProject, T> reader) {
    synchronized (state) {
      return reader.apply(state.project(project));
    }
  }
}
