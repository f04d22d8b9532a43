package io.gitops.promotion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.git.GitAccessException;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.testing.GitHttpServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionEngineIT {
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";
  private static final String BACKEND_TST = "workloads/tbd-test/backend/overlays/tst/values.yaml";
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path dir;
  private GitOpsRepository repo;
  private final RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private PromotionRequest request(String id, boolean dryRun) {
    return validator.validate(
        new PromotionParameters(
            id, "tbd-test", "DEV", "TST", "frontend", dryRun, false, null, "alice"));
  }

  private PromotionEngine engine(PromotionListener listener) {
    return new PromotionEngine(
        OverlaysLayout.defaults(),
        new PersonIdent("promotion-operator", "po@example.com"),
        Clock.fixed(NOW, ZoneOffset.UTC),
        listener,
        5);
  }

  private GitWorkspace workspace(String name) {
    return GitWorkspace.open(
        new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), dir.resolve(name));
  }

  @Test
  void promotesEveryServiceOfTheGroupInOneCommit() {
    String frontendBefore = repo.read(FRONTEND_TST);
    String backendBefore = repo.read(BACKEND_TST);
    int commitsBefore = repo.log().size();

    PromotionResult result;
    try (GitWorkspace ws = workspace("clone")) {
      result =
          engine(PromotionListener.NONE)
              .run(request("p-1", false), ws, PromotionEngine.RunOptions.firstAttempt());
    }

    assertThat(result.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
    assertThat(result.title()).isEqualTo("Promote [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(result.version()).isEqualTo("1.5.0");
    assertThat(result.releaseTag()).isEqualTo("v1.5.0");
    assertThat(result.changes())
        .containsExactly(
            new TagChange("backend", "tbd-test-backend", "1.2.0", "1.4.0"),
            new TagChange("frontend", "tbd-test", "1.3.0", "1.5.0"));
    assertThat(result.plan().gitlabProjectIds())
        .containsOnly(
            Map.entry("backend/tbd-test-backend", 1332L),
            Map.entry("backend/tbd-test-worker", 1333L),
            Map.entry("frontend/tbd-test", 1331L));
    assertThat(result.plan().gitlabProjectId(result.changes().get(0))).contains(1332L);
    assertThat(repo.log()).hasSize(commitsBefore + 1);
    RevCommit commit = repo.log().get(0);
    assertThat(commit.getName()).isEqualTo(result.commit());
    assertThat(commit.getFooterLines("Promotion-Id")).containsExactly("p-1");
    assertThat(commit.getFooterLines("Requested-By")).containsExactly("alice");
    assertThat(commit.getShortMessage()).isEqualTo("Promote tbd-test [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(repo.read(FRONTEND_TST))
        .isEqualTo(frontendBefore.replace("tag: \"1.3.0\"", "tag: \"1.5.0\""));
    assertThat(repo.read(BACKEND_TST))
        .isEqualTo(backendBefore.replace("tag: \"1.2.0\"", "tag: \"1.4.0\""));
    assertThat(result.diff())
        .contains(
            "-      tag: \"1.3.0\"  # promoted from the previous environment",
            "+      tag: \"1.5.0\"  # promoted from the previous environment");
  }

  @Test
  void recordsPreAndPostStateNestedByEnvironmentAndGroup() {
    try (GitWorkspace ws = workspace("clone")) {
      engine(PromotionListener.NONE)
          .run(request("p-1", false), ws, PromotionEngine.RunOptions.firstAttempt());
    }
    StateEntry entry =
        StateFile.parse(repo.read("workloads/promote-state.yaml"))
            .entry("TST", "tbd-test")
            .orElseThrow();
    assertThat(entry.promotion().id()).isEqualTo("p-1");
    assertThat(entry.promotion().version()).isEqualTo("1.5.0");
    assertThat(entry.promotion().tag()).isEqualTo("v1.5.0");
    assertThat(entry.promotion().sourceEnv()).isEqualTo("DEV");
    assertThat(entry.promotion().createdBy()).isEqualTo("alice");
    assertThat(entry.promotion().createdAt()).isEqualTo(NOW);
    assertThat(entry.preState().services())
        .isEqualTo(
            Map.of(
                "backend", Map.of("tbd-test-backend", "1.2.0", "tbd-test-worker", "0.8.1"),
                "frontend", Map.of("tbd-test", "1.3.0")));
    assertThat(entry.postState().services())
        .isEqualTo(
            Map.of(
                "backend", Map.of("tbd-test-backend", "1.4.0", "tbd-test-worker", "0.8.1"),
                "frontend", Map.of("tbd-test", "1.5.0")));
  }

  @Test
  void keepsStateEntriesOfOtherEnvironmentsAndGroups() {
    PromotionRequest payments =
        validator.validate(
            new PromotionParameters(
                "p-0", "payments", "TST", "STG", null, false, false, null, "bob"));
    try (GitWorkspace ws = workspace("clone")) {
      engine(PromotionListener.NONE).run(payments, ws, PromotionEngine.RunOptions.firstAttempt());
      engine(PromotionListener.NONE)
          .run(request("p-1", false), ws, PromotionEngine.RunOptions.firstAttempt());
    }
    StateFile state = StateFile.parse(repo.read("workloads/promote-state.yaml"));
    assertThat(state.entry("STG", "payments").orElseThrow().promotion().id()).isEqualTo("p-0");
    assertThat(state.entry("TST", "tbd-test").orElseThrow().promotion().id()).isEqualTo("p-1");
  }

  @Test
  void dryRunComputesThePlanAndDiffAndWritesNothing() {
    String head = repo.head();
    PromotionResult result;
    try (GitWorkspace ws = workspace("clone")) {
      result =
          engine(PromotionListener.NONE)
              .run(request("p-1", true), ws, PromotionEngine.RunOptions.firstAttempt());
    }
    assertThat(result.outcome()).isEqualTo(PromotionOutcome.PREVIEWED);
    assertThat(result.title()).isEqualTo("Preview [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(result.changes()).hasSize(2);
    assertThat(result.commit()).isNull();
    assertThat(result.diff())
        .startsWith("--- a/" + BACKEND_TST + "\n+++ b/" + BACKEND_TST + "\n@@");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void makesNoCommitWhenEveryTargetTagAlreadyMatches() {
    try (GitWorkspace ws = workspace("clone")) {
      engine(PromotionListener.NONE)
          .run(request("p-1", false), ws, PromotionEngine.RunOptions.firstAttempt());
      String head = repo.head();
      PromotionResult again =
          engine(PromotionListener.NONE)
              .run(request("p-2", false), ws, PromotionEngine.RunOptions.firstAttempt());
      assertThat(again.outcome()).isEqualTo(PromotionOutcome.NOTHING_TO_PROMOTE);
      assertThat(again.commit()).isNull();
      assertThat(repo.head()).isEqualTo(head);
    }
  }

  @Test
  void landsOnTopOfACommitPushedBetweenPlanAndPush() {
    AtomicInteger rejected = new AtomicInteger();
    PromotionListener intruder =
        new PromotionListener() {
          @Override
          public void beforePush(PromotionRequest request, int attempt) {
            if (attempt == 1) {
              repo.commitAsSomeoneElse(
                  "workloads/payments/api/overlays/dev/values.yaml",
                  repo.read("workloads/payments/api/overlays/dev/values.yaml") + "# touched\n",
                  "Concurrent change");
            }
          }

          @Override
          public void pushRejected(PromotionRequest request, int attempt) {
            rejected.incrementAndGet();
          }
        };
    PromotionResult result;
    try (GitWorkspace ws = workspace("clone")) {
      result =
          engine(intruder)
              .run(request("p-1", false), ws, PromotionEngine.RunOptions.firstAttempt());
    }
    assertThat(result.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
    assertThat(result.pushRejections()).isEqualTo(1);
    assertThat(rejected).hasValue(1);
    List<RevCommit> log = repo.log();
    assertThat(log.get(0).getName()).isEqualTo(result.commit());
    assertThat(log.get(1).getShortMessage()).isEqualTo("Concurrent change");
    assertThat(log.get(0).getParent(0).getName()).isEqualTo(log.get(1).getName());
    assertThat(repo.read("workloads/payments/api/overlays/dev/values.yaml"))
        .endsWith("# touched\n");
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.5.0\"");
  }

  @Test
  void recognisesItsOwnPushedCommitAndNeverPushesTwice() {
    PromotionEngine.RunOptions resume = new PromotionEngine.RunOptions(null, NOW.minusSeconds(60));
    PromotionResult first;
    PromotionResult second;
    try (GitWorkspace ws = workspace("clone")) {
      first = engine(PromotionListener.NONE).run(request("p-1", false), ws, resume);
    }
    int commits = repo.log().size();
    try (GitWorkspace ws = workspace("other-clone")) {
      second = engine(PromotionListener.NONE).run(request("p-1", false), ws, resume);
    }
    assertThat(repo.log()).hasSize(commits);
    assertThat(second.resumed()).isTrue();
    assertThat(second.commit()).isEqualTo(first.commit());
    assertThat(second.changes()).containsExactlyInAnyOrderElementsOf(first.changes());
    assertThat(second.title()).isEqualTo(first.title());
    assertThat(second.diff()).isEqualTo(first.diff());
    assertThat(second.plan().gitlabProjectIds()).isEqualTo(first.plan().gitlabProjectIds());
  }

  @Test
  void refusesAnApprovedPlanWhenTheRepositoryMovedAndPushesNothing() {
    String fingerprint;
    try (GitWorkspace ws = workspace("clone")) {
      fingerprint =
          engine(PromotionListener.NONE)
              .run(request("p-1", true), ws, PromotionEngine.RunOptions.firstAttempt())
              .plan()
              .fingerprint();
    }
    String devOverlay = "workloads/tbd-test/frontend/overlays/dev/values.yaml";
    repo.commitAsSomeoneElse(
        devOverlay, repo.read(devOverlay).replace("1.5.0", "1.5.1"), "New DEV build");
    String head = repo.head();
    try (GitWorkspace ws = workspace("clone")) {
      assertThatThrownBy(
              () ->
                  engine(PromotionListener.NONE)
                      .run(
                          request("p-1", false),
                          ws,
                          new PromotionEngine.RunOptions(fingerprint, NOW)))
          .isInstanceOfSatisfying(
              RequestRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.PLAN_CHANGED));
    }
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void executesAnApprovedPlanThatIsStillTheSame() {
    String fingerprint;
    try (GitWorkspace ws = workspace("clone")) {
      PromotionResult preview =
          engine(PromotionListener.NONE)
              .run(request("p-1", true), ws, PromotionEngine.RunOptions.firstAttempt());
      fingerprint = preview.plan().fingerprint();
      PromotionResult done =
          engine(PromotionListener.NONE)
              .run(request("p-1", false), ws, new PromotionEngine.RunOptions(fingerprint, NOW));
      assertThat(done.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
      assertThat(done.changes()).isEqualTo(preview.changes());
      assertThat(done.diff()).isEqualTo(preview.diff());
    }
  }

  @Test
  void warnsAboutWhatItCannotMatchAndInventsNothing() throws Exception {
    repo.commitAsSomeoneElse(
        "workloads/tbd-test/newcomer/overlays/dev/values.yaml",
        "applications:\n  - name: newcomer\n    image:\n      tag: \"0.1.0\"\n",
        "Add newcomer service to DEV only");
    String backendDev = "workloads/tbd-test/backend/overlays/dev/values.yaml";
    repo.commitAsSomeoneElse(
        backendDev,
        repo.read(backendDev).replace("name: \"tbd-test-worker\"", "name: \"tbd-test-cron\""),
        "Rename worker in DEV");
    PromotionResult result;
    try (GitWorkspace ws = workspace("clone")) {
      result =
          engine(PromotionListener.NONE)
              .run(request("p-1", false), ws, PromotionEngine.RunOptions.firstAttempt());
      assertThat(Files.exists(dir.resolve("clone/workloads")))
          .as("no work tree is ever written")
          .isFalse();
    }
    assertThat(result.warnings())
        .containsExactly(
            "application tbd-test-cron of service backend is not in the TST overlay; skipped",
            "service newcomer has no TST overlay (workloads/tbd-test/newcomer/overlays/tst/values.yaml); skipped");
    assertThat(repo.read("workloads/tbd-test/newcomer/overlays/tst/values.yaml")).isNull();
    assertThat(repo.read(BACKEND_TST))
        .contains("name: \"tbd-test-worker\"")
        .doesNotContain("tbd-test-cron");
  }

  @Test
  void refusesAGroupWithoutServicesInTheSourceEnvironment() {
    PromotionRequest missing =
        validator.validate(
            new PromotionParameters(
                "p", "no-such-group", "DEV", "TST", null, true, false, null, "a"));
    try (GitWorkspace ws = workspace("clone")) {
      assertThatThrownBy(
              () ->
                  engine(PromotionListener.NONE)
                      .run(missing, ws, PromotionEngine.RunOptions.firstAttempt()))
          .isInstanceOfSatisfying(
              RequestRejectedException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.GROUP_NOT_FOUND))
          .hasMessageContaining("no-such-group");
    }
  }

  @Test
  void promotesOverSmartHttpWithBasicAuth() throws Exception {
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret-pass")) {
      GitRemote remote =
          new GitRemote(
              server.url("argocd.git"),
              "main",
              new GitCredentials.UsernamePassword("deployer", "s3cret-pass"));
      try (GitWorkspace ws = GitWorkspace.open(remote, dir.resolve("http-clone"))) {
        PromotionResult result =
            engine(PromotionListener.NONE)
                .run(request("p-http", false), ws, PromotionEngine.RunOptions.firstAttempt());
        assertThat(result.outcome()).isEqualTo(PromotionOutcome.PROMOTED);
        assertThat(repo.head()).isEqualTo(result.commit());
      }
    }
  }

  @Test
  void aWrongPasswordIsAClearErrorThatNeverShowsThePassword() throws Exception {
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "s3cret-pass")) {
      GitRemote remote =
          new GitRemote(
              server.url("argocd.git"),
              "main",
              new GitCredentials.UsernamePassword("deployer", "wrong-pass"));
      assertThatThrownBy(
              () -> {
                try (GitWorkspace ws = GitWorkspace.open(remote, dir.resolve("http-clone"))) {
                  ws.sync();
                }
              })
          .isInstanceOf(GitAccessException.class)
          .hasMessageContaining("authentication refused")
          .hasMessageContaining(server.url("argocd.git"))
          .hasMessageNotContaining("wrong-pass");
    }
  }
}
