package io.gitops.promotion.bench;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.e2e.ControlPlane;
import io.gitops.promotion.testing.CGitServer;
import io.gitops.promotion.testing.GitHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The operator end to end: a real kube-apiserver + etcd ({@code hack/controlplane}), the operator
 * as a separate JVM reconciling Promotions created with fabric8, and synthetic repositories served
 * by {@link GitHttpServer} (smart HTTP, basic auth, loopback) in this JVM.
 *
 * <ol>
 *   <li>one Promotion (dryRun false) of a group of S services: resource created -> Succeeded seen
 *       by a watch, warm (the operator has cloned the repository already);
 *   <li>100 Promotions of 100 groups of one repository created at once: time until all Succeeded,
 *       commits pushed, push retries ({@code /metrics}), commit order vs creation order;
 *   <li>the operator's VmRSS idle and its peak during (2), sampled every 100 ms.
 * </ol>
 *
 * Options: --jar, --out, --sizes 10,100,500, --runs N, --concurrent N, --services-per-group N,
 * --state DIR, --xmx SIZE ("none": no -Xmx), --jvm "more JVM flags", --timeout SECONDS (how long to
 * wait for the concurrent Promotions; what has not finished by then is reported as unfinished, not
 * as an error), --kill-after N (N > 0: a fourth scenario, the same load again with the operator
 * killed with SIGKILL once N of them have finished and restarted at once; reported: commits,
 * distinct Promotion ids, none twice, none lost), --server jgit|c-git (the remote: JGit's smart
 * HTTP in this JVM, the default, or C Git's {@code git daemon}, as GitLab's Gitaly serves).
 */
public final class OperatorBenchmark {
  private static final String NAMESPACE = "opbench";
  private static final String SECRET = "bench-git";
  private static final String USER = "bench";

  private final KubernetesClient admin;
  private final Map<String, Promotion> finished = new ConcurrentHashMap<>();
  private final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> runningAt = new ConcurrentHashMap<>();

  private OperatorBenchmark(KubernetesClient admin) {
    this.admin = admin;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts =
        new HashMap<>(
            Map.of(
                "--jar",
                "target/promotion-operator.jar",
                "--out",
                "target/bench",
                "--sizes",
                "10,100,500",
                "--runs",
                "5",
                "--concurrent",
                "100",
                "--services-per-group",
                "3",
                "--state",
                "target/bench/operator/controlplane",
                "--xmx",
                "576m",
                "--jvm",
                "",
                "--timeout",
                "600"));
    opts.put("--kill-after", "0");
    opts.put("--server", "jgit");
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!opts.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      opts.put(args[i], args[i + 1]);
    }
    Path project = Path.of("").toAbsolutePath();
    Path out = Path.of(opts.get("--out")).toAbsolutePath();
    Path work = out.resolve("operator");
    BenchFiles.deleteTree(work.resolve("git"));
    BenchFiles.deleteTree(work.resolve("git-cache"));
    Files.createDirectories(work.resolve("git"));
    List<Integer> sizes =
        Arrays.stream(opts.get("--sizes").split(",")).map(Integer::valueOf).toList();
    int runs = Integer.parseInt(opts.get("--runs"));
    int concurrent = Integer.parseInt(opts.get("--concurrent"));
    int perGroup = Integer.parseInt(opts.get("--services-per-group"));

    String load0 = loadAverage();
    RepositoryCache cache = new RepositoryCache(out.resolve("repos"));
    SyntheticRepository sizesRepo =
        cache
            .get(RepositoryShape.mixed(sizes, 2, 100), false)
            .repository()
            .copyTo(work.resolve("git/sizes.git"));
    sizesRepo.disableAutomaticGc();
    SyntheticRepository manyRepo =
        cache
            .get(
                RepositoryShape.uniform(concurrent, perGroup, 2, 100, RepositoryShape.DEFAULT_SEED),
                false)
            .repository()
            .copyTo(work.resolve("git/many.git"));
    manyRepo.disableAutomaticGc();

    String password = UUID.randomUUID().toString();
    StringBuilder report = new StringBuilder();
    try (GitServer git = GitServer.start(opts.get("--server"), work.resolve("git"), password);
        ControlPlane controlPlane =
            ControlPlane.start(project, Path.of(opts.get("--state")).toAbsolutePath())) {
      controlPlane.kubectl("create", "namespace", NAMESPACE).orThrow();
      controlPlane
          .kubectl()
          .apply(
              "default",
              """
          apiVersion: v1
          kind: Secret
          metadata:
            name: %s
          type: kubernetes.io/basic-auth
          stringData:
            username: %s
            password: %s
          """
                  .formatted(SECRET, USER, password))
          .orThrow();
      int port = freePort();
      Path config = work.resolve("operator.yaml");
      OperatorProcess.write(
          config,
          """
          repositories:
            - name: sizes
              url: %s
              branch: main
              credentialsSecret: %s
            - name: many
              url: %s
              branch: main
              credentialsSecret: %s
          committer:
            name: promotion-operator
            email: promotion-operator@example.com
          git:
            cacheDir: %s
          httpPort: %d
          watchNamespaces: [%s]
          leaderElection:
            enabled: false
          """
              .formatted(
                  git.url("sizes.git"),
                  SECRET,
                  git.url("many.git"),
                  SECRET,
                  work.resolve("git-cache"),
                  port,
                  NAMESPACE));
      List<String> jvm = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
      if (!opts.get("--xmx").equals("none")) {
        jvm.add("-Xmx" + opts.get("--xmx"));
      }
      Arrays.stream(opts.get("--jvm").trim().split("\\s+"))
          .filter(f -> !f.isEmpty())
          .forEach(jvm::add);
      System.out.println("operator JVM flags: " + jvm);
      OperatorBenchmark bench = new OperatorBenchmark(controlPlane.admin());
      try (OperatorProcess operator =
              OperatorProcess.start(
                  Path.of(opts.get("--jar")).toAbsolutePath(),
                  config,
                  controlPlane.kubectl().kubeconfig(),
                  jvm,
                  work.resolve("operator.log"),
                  port);
          Watch watch = bench.watch()) {
        // A fixed settle time before the idle reading is the measurement's definition of idle.
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
        long idleKib = operator.rssKib();
        System.out.printf(
            Locale.ROOT,
            "operator pid %d ready; idle RSS %.0f MiB%n",
            operator.pid(),
            idleKib / 1024.0);
        ResultTable table = new ResultTable();

        // 1. one group of S services, warm
        for (int s : sizes) {
          String group = sizesRepo.groups().get(sizes.indexOf(s));
          double first = bench.promoteOnce(sizesRepo, "sizes", group, s * 2);
          System.out.printf(
              Locale.ROOT,
              "S=%d first (untimed warm-up%s): %.0f ms%n",
              s,
              sizes.indexOf(s) == 0 ? ", includes the clone" : "",
              first);
          Samples samples = new Samples();
          for (int i = 0; i < runs; i++) {
            double ms = bench.promoteOnce(sizesRepo, "sizes", group, s * 2);
            samples.add(ms, Double.NaN);
            System.out.printf(Locale.ROOT, "S=%d warm run %d: %.0f ms%n", s, i + 1, ms);
          }
          table.add("operator warm: created -> Succeeded", 100, s, samples);
        }
        String load1 = loadAverage();

        // 2 + 3. concurrent promotions on one repository, RSS sampled meanwhile
        long beforeLoadKib = operator.rssKib();
        double retriesBefore = orZero(operator.metric("promotion_push_retries_total"));
        Concurrent result;
        long peakKib;
        long peakThreads;
        long idleThreads = operator.threads();
        int rssSamples;
        try (OperatorProcess.RssSampler sampler = operator.sampleRss(100, 10 * 60 * 10)) {
          result =
              bench.concurrent(
                  manyRepo, "many", concurrent, Integer.parseInt(opts.get("--timeout")));
          peakKib = sampler.peakKib();
          peakThreads = sampler.peakThreads();
          rssSamples = sampler.samples();
        }
        double retriesAfter = operator.metric("promotion_push_retries_total");
        double retries = orZero(retriesAfter) - retriesBefore;
        String retriesText =
            String.format(
                Locale.ROOT,
                "%.0f%s (status.pushRejections summed: %d)",
                retries,
                Double.isNaN(retriesAfter) ? ", series absent: none recorded" : "",
                result.pushRejections);
        String load2 = loadAverage();

        report.append(table.markdown()).append('\n');
        report.append(
            String.format(
                Locale.ROOT,
                """
            | %d concurrent Promotions (%d groups x %d services x 2 apps, H = 100) | value |
            |---|---:|
            | created (sequential fabric8 creates) | %.0f ms |
            | first create -> all finished | %.0f ms |
            | first create -> half finished | %.0f ms |
            | longest time between two finishes; gaps over 5 s: count, sum | %.0f ms; %d, %.0f ms |
            | Succeeded / Failed / unfinished | %d / %d / %d |
            | new commits on main (Git log) | %d |
            | commits carrying a created Promotion's id (distinct) | %d |
            | push retries (promotion_push_retries_total delta) | %s |
            | commits in creation order | %s (Kendall inversions %d of %d pairs; max displacement %d) |

            | operator RSS (VmRSS, %s) | MiB |
            |---|---:|
            | idle (ready + 5 s, before any promotion) | %.0f |
            | after the single-group runs, before the concurrent load | %.0f |
            | peak during the concurrent load (%d samples, 100 ms) | %.0f |

            Operator threads: %d before the concurrent load, peak %d during it.

            Load average (1/5/15 min): start %s; after single-group runs %s; after concurrent load %s.
            """,
                concurrent,
                concurrent,
                perGroup,
                result.createMillis,
                result.allMillis,
                result.halfMillis,
                result.longestGapMillis,
                result.gapsOver5s,
                result.gapsOver5sMillis,
                result.succeeded,
                result.failed,
                result.unfinished,
                result.newCommits,
                result.matched,
                retriesText,
                result.inversions == 0 ? "yes" : "no",
                result.inversions,
                (long) result.matched * (result.matched - 1) / 2,
                result.maxDisplacement,
                String.join(" ", jvm),
                idleKib / 1024.0,
                beforeLoadKib / 1024.0,
                rssSamples,
                peakKib / 1024.0,
                idleThreads,
                peakThreads,
                load0,
                load1,
                load2));
        int killAfter = Integer.parseInt(opts.get("--kill-after"));
        if (killAfter > 0) {
          Crash crash =
              bench.crashMidRun(
                  manyRepo,
                  "many",
                  concurrent,
                  killAfter,
                  Integer.parseInt(opts.get("--timeout")),
                  operator,
                  () ->
                      OperatorProcess.start(
                          Path.of(opts.get("--jar")).toAbsolutePath(),
                          config,
                          controlPlane.kubectl().kubeconfig(),
                          jvm,
                          work.resolve("operator-restarted.log"),
                          port));
          report.append(
              String.format(
                  Locale.ROOT,
                  """

              | %d concurrent Promotions, operator killed (SIGKILL) after %d finished, restarted | value |
              |---|---:|
              | finished before the kill | %d |
              | kill -> restarted operator ready | %.0f ms |
              | first create -> all finished | %.0f ms |
              | Succeeded / Failed / unfinished | %d / %d / %d |
              | new commits on main (Git log) | %d |
              | commits carrying a created Promotion's id (distinct) | %d |
              | verdict | %s |
              """,
                  concurrent,
                  killAfter,
                  crash.finishedAtKill,
                  crash.restartMillis,
                  crash.allMillis,
                  crash.succeeded,
                  crash.failed,
                  crash.unfinished,
                  crash.newCommits,
                  crash.distinctIds,
                  crash.newCommits == concurrent
                          && crash.distinctIds == concurrent
                          && crash.succeeded == concurrent
                      ? "every Promotion landed exactly once"
                      : "**NOT exactly once**"));
        }
        Files.writeString(work.resolve("results.md"), report.toString());
        System.out.println();
        System.out.println(report);
        System.out.println(
            "written: "
                + work.resolve("results.md")
                + "; operator log: "
                + work.resolve("operator.log"));
      }
    }
  }

  private Watch watch() {
    return admin
        .resources(Promotion.class)
        .inNamespace(NAMESPACE)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Promotion resource) {
                if (resource.getStatus() != null
                    && resource.getStatus().getPhase() == Phase.RUNNING) {
                  runningAt.putIfAbsent(resource.getMetadata().getName(), System.nanoTime());
                }
                if (resource.getStatus() != null
                    && (resource.getStatus().getPhase() == Phase.SUCCEEDED
                        || resource.getStatus().getPhase() == Phase.FAILED)) {
                  long now = System.nanoTime();
                  String name = resource.getMetadata().getName();
                  if (finished.putIfAbsent(name, resource) == null) {
                    finishedAt.put(name, now);
                  }
                }
              }

              @Override
              public void onClose(WatcherException cause) {
                System.err.println("promotion watch closed: " + cause);
              }
            });
  }

  private static Promotion promotion(String name, String repository, String group) {
    Promotion promotion = new Promotion();
    promotion.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    PromotionSpec spec = new PromotionSpec();
    spec.setRepository(repository);
    spec.setWorkloadGroup(group);
    spec.setSourceEnv("DEV");
    spec.setTargetEnv("TST");
    spec.setDryRun(false);
    promotion.setSpec(spec);
    return promotion;
  }

  /**
   * Bumps the group's DEV tags (untimed), then times create -> Succeeded; checks the status counts
   * every application changed.
   */
  private double promoteOnce(
      SyntheticRepository repo, String repository, String group, int expectedChanges)
      throws InterruptedException {
    repo.bumpTags(group, "dev");
    String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
    long start = System.nanoTime();
    admin
        .resources(Promotion.class)
        .inNamespace(NAMESPACE)
        .resource(promotion(name, repository, group))
        .create();
    Promotion done = await(name, start, 120);
    double ms = (finishedAt.get(name) - start) / 1e6;
    Long running = runningAt.get(name);
    if (running != null) {
      System.out.printf(
          Locale.ROOT,
          "  %s: created -> Running seen %.0f ms, Running -> Succeeded seen %.0f ms%n",
          name,
          (running - start) / 1e6,
          (finishedAt.get(name) - running) / 1e6);
    }
    // The status holds the first MAX_CHANGE_ROWS changes and says whether there were more.
    boolean truncated = expectedChanges > PromotionStatus.MAX_CHANGE_ROWS;
    if (done.getStatus().getPhase() != Phase.SUCCEEDED
        || done.getStatus().getChanges().size()
            != Math.min(expectedChanges, PromotionStatus.MAX_CHANGE_ROWS)
        || !Boolean.valueOf(truncated).equals(done.getStatus().getChangesTruncated())
        || done.getStatus().getConditions().stream()
            .noneMatch(c -> c.getMessage().startsWith(expectedChanges + " tag change(s)"))) {
      throw new IllegalStateException(
          name
              + ": "
              + done.getStatus().getPhase()
              + " "
              + done.getStatus().getMessage()
              + " changes "
              + (done.getStatus().getChanges() == null ? 0 : done.getStatus().getChanges().size()));
    }
    return ms;
  }

  private Promotion await(String name, long start, int seconds) throws InterruptedException {
    long left = Math.max(1, start + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime());
    try {
      Awaitility.await()
          .atMost(java.time.Duration.ofNanos(left))
          .pollInterval(java.time.Duration.ofMillis(5))
          .until(() -> finished.containsKey(name));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new IllegalStateException(name + " did not finish within " + seconds + " s", e);
    }
    return finished.get(name);
  }

  /**
   * @param allMillis first create -> last finished (Succeeded or Failed)
   * @param halfMillis first create -> half of them finished
   * @param longestGapMillis the longest time between two consecutive finishes (a stall shows here)
   * @param gapsOver5sMillis the sum of those gaps longer than 5 s: time in which nothing finished
   */
  private record Concurrent(
      double createMillis,
      double allMillis,
      int succeeded,
      int failed,
      int unfinished,
      int newCommits,
      int matched,
      long inversions,
      int maxDisplacement,
      int pushRejections,
      double halfMillis,
      double longestGapMillis,
      int gapsOver5s,
      double gapsOver5sMillis) {}

  private Concurrent concurrent(
      SyntheticRepository repo, String repository, int count, int timeoutSeconds) throws Exception {
    List<String> groups = repo.groups().subList(0, count);
    for (String group : groups) {
      repo.bumpTags(group, "dev");
    }
    ObjectId before = head(repo);
    List<String> names = new ArrayList<>();
    List<String> uids = new ArrayList<>();
    long start = System.nanoTime();
    createAll("c", groups, repository, names, uids);
    double createMillis = (System.nanoTime() - start) / 1e6;
    try {
      Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(timeoutSeconds))
          .pollInterval(java.time.Duration.ofMillis(20))
          .until(() -> names.stream().allMatch(finished::containsKey));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      System.err.printf(
          Locale.ROOT, "not all %d Promotions finished within %d s%n", count, timeoutSeconds);
    }
    int succeeded = 0;
    int failed = 0;
    int pushRejections = 0;
    List<Long> finishes = new ArrayList<>();
    for (String name : names) {
      Promotion done = finished.get(name);
      if (done == null) {
        continue;
      }
      finishes.add(finishedAt.get(name));
      if (done.getStatus().getPushRejections() != null) {
        pushRejections += done.getStatus().getPushRejections();
      }
      if (done.getStatus().getPhase() == Phase.SUCCEEDED) {
        succeeded++;
      } else {
        failed++;
        System.err.println(name + " failed: " + done.getStatus().getMessage());
      }
    }
    finishes.sort(Long::compare);
    long previous = start;
    long longestGap = 0;
    int gapsOver5s = 0;
    long stalled = 0;
    for (long at : finishes) {
      longestGap = Math.max(longestGap, at - previous);
      if (at - previous > TimeUnit.SECONDS.toNanos(5)) {
        gapsOver5s++;
        stalled += at - previous;
      }
      previous = at;
    }
    double allMillis = finishes.size() == count ? (previous - start) / 1e6 : Double.NaN;
    double halfMillis =
        finishes.size() >= (count + 1) / 2
            ? (finishes.get((count + 1) / 2 - 1) - start) / 1e6
            : Double.NaN;
    System.out.println(
        "finished at (ms after the first create): "
            + finishes.stream().map(at -> String.valueOf((at - start) / 1_000_000)).toList());
    // commits since `before`, oldest first, and the creation index of the Promotion each carries
    List<Integer> order = new ArrayList<>();
    int newCommits = 0;
    try (Repository git = FileRepositoryBuilder.create(repo.bareDir().toFile());
        RevWalk walk = new RevWalk(git)) {
      walk.markStart(walk.parseCommit(git.resolve("refs/heads/main")));
      walk.markUninteresting(walk.parseCommit(before));
      List<RevCommit> commits = new ArrayList<>();
      walk.forEach(commits::add);
      newCommits = commits.size();
      for (int i = commits.size() - 1; i >= 0; i--) {
        List<String> ids = commits.get(i).getFooterLines("Promotion-Id");
        if (!ids.isEmpty()
            && uids.contains(ids.get(0))
            && !order.contains(uids.indexOf(ids.get(0)))) {
          order.add(uids.indexOf(ids.get(0)));
        }
      }
    }
    long inversions = 0;
    int maxDisplacement = 0;
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        if (order.get(i) > order.get(j)) {
          inversions++;
        }
      }
      maxDisplacement = Math.max(maxDisplacement, Math.abs(order.get(i) - i));
    }
    System.out.println("commit order (creation index of each commit, oldest first): " + order);
    return new Concurrent(
        createMillis,
        allMillis,
        succeeded,
        failed,
        count - finishes.size(),
        newCommits,
        order.size(),
        inversions,
        maxDisplacement,
        pushRejections,
        halfMillis,
        longestGap / 1e6,
        gapsOver5s,
        stalled / 1e6);
  }

  private record Crash(
      int finishedAtKill,
      double restartMillis,
      double allMillis,
      int succeeded,
      int failed,
      int unfinished,
      int newCommits,
      int distinctIds) {}

  /** Starts the restarted operator (its log file is a different one). */
  private interface Restart {
    OperatorProcess start() throws Exception;
  }

  /**
   * The concurrent load again on the same groups (bumped once more), with the operator killed with
   * SIGKILL once {@code killAfter} Promotions have finished and started again at once: every
   * Promotion must end Succeeded as exactly one commit.
   */
  private Crash crashMidRun(
      SyntheticRepository repo,
      String repository,
      int count,
      int killAfter,
      int timeoutSeconds,
      OperatorProcess operator,
      Restart restart)
      throws Exception {
    List<String> groups = repo.groups().subList(0, count);
    for (String group : groups) {
      repo.bumpTags(group, "dev");
    }
    ObjectId before = head(repo);
    List<String> names = new ArrayList<>();
    List<String> uids = new ArrayList<>();
    long start = System.nanoTime();
    createAll("k", groups, repository, names, uids);
    Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(timeoutSeconds))
        .pollInterval(java.time.Duration.ofMillis(5))
        .until(() -> names.stream().filter(finished::containsKey).count() >= killAfter);
    operator.kill();
    int finishedAtKill = (int) names.stream().filter(finished::containsKey).count();
    System.out.printf(
        Locale.ROOT,
        "operator killed with SIGKILL after %d of %d finished%n",
        finishedAtKill,
        count);
    long killed = System.nanoTime();
    try (OperatorProcess restarted = restart.start()) {
      double restartMillis = (System.nanoTime() - killed) / 1e6;
      try {
        Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(timeoutSeconds))
            .pollInterval(java.time.Duration.ofMillis(20))
            .until(() -> names.stream().allMatch(finished::containsKey));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        System.err.printf(
            Locale.ROOT,
            "not all %d Promotions finished within %d s of the restart%n",
            count,
            timeoutSeconds);
      }
      long last =
          names.stream()
              .filter(finishedAt::containsKey)
              .mapToLong(finishedAt::get)
              .max()
              .orElse(start);
      int succeeded =
          (int)
              names.stream()
                  .map(finished::get)
                  .filter(p -> p != null && p.getStatus().getPhase() == Phase.SUCCEEDED)
                  .count();
      int done = (int) names.stream().filter(finished::containsKey).count();
      int newCommits = 0;
      java.util.Set<String> ids = new java.util.HashSet<>();
      try (Repository git = FileRepositoryBuilder.create(repo.bareDir().toFile());
          RevWalk walk = new RevWalk(git)) {
        walk.markStart(walk.parseCommit(git.resolve("refs/heads/main")));
        walk.markUninteresting(walk.parseCommit(before));
        for (RevCommit commit : walk) {
          newCommits++;
          commit.getFooterLines("Promotion-Id").stream().filter(uids::contains).forEach(ids::add);
        }
      }
      return new Crash(
          finishedAtKill,
          restartMillis,
          (last - start) / 1e6,
          succeeded,
          done - succeeded,
          count - done,
          newCommits,
          ids.size());
    }
  }

  /**
   * One Promotion per group, created back to back (so creation order is defined), named prefix-NNN.
   */
  private void createAll(
      String prefix,
      List<String> groups,
      String repository,
      List<String> names,
      List<String> uids) {
    for (int i = 0; i < groups.size(); i++) {
      String name = String.format(Locale.ROOT, "%s-%03d", prefix, i);
      names.add(name);
      uids.add(
          admin
              .resources(Promotion.class)
              .inNamespace(NAMESPACE)
              .resource(promotion(name, repository, groups.get(i)))
              .create()
              .getMetadata()
              .getUid());
    }
  }

  private static ObjectId head(SyntheticRepository repo) throws IOException {
    try (Repository git = FileRepositoryBuilder.create(repo.bareDir().toFile())) {
      return git.resolve("refs/heads/main");
    }
  }

  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The remote the operator fetches from and pushes to: {@code jgit} (JGit's smart HTTP with basic
   * auth, in this JVM) or {@code c-git} ({@code git daemon}, as C Git serves in GitLab's Gitaly).
   */
  private interface GitServer extends AutoCloseable {
    String url(String repository);

    static GitServer start(String kind, Path root, String password) throws Exception {
      return switch (kind) {
        case "jgit" -> {
          GitHttpServer server = GitHttpServer.start(root, USER, password);
          yield new GitServer() {
            @Override
            public String url(String repository) {
              return server.url(repository);
            }

            @Override
            public void close() throws Exception {
              server.close();
            }
          };
        }
        case "c-git" -> {
          CGitServer server = CGitServer.daemon(root);
          yield new GitServer() {
            @Override
            public String url(String repository) {
              return server.url(repository);
            }

            @Override
            public void close() {
              server.close();
            }
          };
        }
        default -> throw new IllegalArgumentException("--server is jgit or c-git, not " + kind);
      };
    }
  }
}
