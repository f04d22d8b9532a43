package io.gitops.promotion.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.gitops.promotion.api.ApplicationTag;
import io.gitops.promotion.api.Conditions;
import io.gitops.promotion.api.ImageTagChange;
import io.gitops.promotion.api.Phase;
import io.gitops.promotion.api.Promotion;
import io.gitops.promotion.api.PromotionSpec;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionChange;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.Sleeper;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.run.PushRetry;
import io.gitops.promotion.run.RunListener;
import io.gitops.promotion.run.RunLoop;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class PromotionReconcilerIT {
  static KubernetesClient client;

  @TempDir Path dir;
  private GitOpsRepository repo;
  private OperatorHarness harness;

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    harness = new OperatorHarness(client, repo.fileUrl(), dir.resolve("cache"));
  }

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    OperatorHarness.deletePromotions(client);
  }

  private Promotion promotion(String name, String group, String from, String to, boolean dryRun) {
    PromotionSpec spec = new PromotionSpec();
    spec.setWorkloadGroup(group);
    spec.setSourceEnv(from);
    spec.setTargetEnv(to);
    spec.setDryRun(dryRun);
    Promotion p = new Promotion();
    p.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    p.setSpec(spec);
    return client.resource(p).create();
  }

  private Promotion awaitPhase(String name, Phase phase) {
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> phaseOf(name) == phase);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      Promotion p = client.resources(Promotion.class).inNamespace("default").withName(name).get();
      throw new AssertionError(
          name
              + " never reached "
              + phase
              + "; status: "
              + (p.getStatus() == null
                  ? null
                  : p.getStatus().getPhase()
                      + " "
                      + p.getStatus().getReason()
                      + " "
                      + p.getStatus().getMessage()),
          e);
    }
    return client.resources(Promotion.class).inNamespace("default").withName(name).get();
  }

  private Phase phaseOf(String name) {
    Promotion p = client.resources(Promotion.class).inNamespace("default").withName(name).get();
    return p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  @Test
  void reachesSucceededWithOnePushedCommit() {
    int commits = repo.log().size();
    Promotion done =
        awaitPhase(
            promotion("dev-to-tst", "tbd-test", "DEV", "TST", false).getMetadata().getName(),
            Phase.SUCCEEDED);

    assertThat(repo.log()).hasSize(commits + 1);
    assertThat(done.getStatus().getCommit()).isEqualTo(repo.head());
    assertThat(done.getStatus().getShortCommit()).isEqualTo(repo.head().substring(0, 8));
    assertThat(repo.log().get(0).getFooterLines("Promotion-Id"))
        .containsExactly(done.getMetadata().getUid());
    assertThat(done.getStatus().getTitle()).isEqualTo("Promote [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(done.getStatus().getVersion()).isEqualTo("1.5.0");
    assertThat(done.getStatus().getReleaseTag()).isEqualTo("v1.5.0");
    assertThat(done.getStatus().getChanges())
        .containsExactly(
            new ImageTagChange("backend", "tbd-test-backend", "1.2.0", "1.4.0"),
            new ImageTagChange("frontend", "tbd-test", "1.3.0", "1.5.0"));
    assertThat(done.getStatus().getPreState())
        .containsExactly(
            new ApplicationTag("backend", "tbd-test-backend", "1.2.0"),
            new ApplicationTag("backend", "tbd-test-worker", "0.8.1"),
            new ApplicationTag("frontend", "tbd-test", "1.3.0"));
    assertThat(done.getStatus().getPostState())
        .containsExactly(
            new ApplicationTag("backend", "tbd-test-backend", "1.4.0"),
            new ApplicationTag("backend", "tbd-test-worker", "0.8.1"),
            new ApplicationTag("frontend", "tbd-test", "1.5.0"));
    assertThat(done.getStatus().getStartedAt()).isNotNull();
    assertThat(done.getStatus().getCompletedAt()).isNotNull();
    assertThat(done.getStatus().getObservedGeneration())
        .isEqualTo(done.getMetadata().getGeneration());
    assertThat(Conditions.isTrue(done.getStatus().getConditions(), Conditions.COMMITTED)).isTrue();
    assertThat(Conditions.isTrue(done.getStatus().getConditions(), Conditions.READY)).isTrue();
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .extracting(e -> e.getReason())
        .contains("InProgress", "Succeeded");
    assertThat(harness.registry.scrape())
        .contains(
            "promotion_runs_total{kind=\"promotion\",result=\"Promoted\",source=\"DEV\",target=\"TST\"} 1.0");
  }

  @Test
  void aDryRunStopsAtPreviewedWithTheDiffAndPushesNothing() {
    String head = repo.head();
    Promotion previewed =
        awaitPhase(
            promotion("preview", "tbd-test", "DEV", "TST", true).getMetadata().getName(),
            Phase.PREVIEWED);
    assertThat(previewed.getStatus().getTitle()).isEqualTo("Preview [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(previewed.getStatus().getDiff()).contains("+      tag: \"1.5.0\"");
    assertThat(previewed.getStatus().getDiffTruncated()).isFalse();
    assertThat(previewed.getStatus().getPlanFingerprint()).isNotBlank();
    assertThat(previewed.getStatus().getCommit()).isNull();
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void approvingAPreviewPushesExactlyThePreviewedChange() {
    Promotion previewed =
        awaitPhase(
            promotion("approve-me", "tbd-test", "DEV", "TST", true).getMetadata().getName(),
            Phase.PREVIEWED);
    client
        .resources(Promotion.class)
        .inNamespace("default")
        .withName("approve-me")
        .edit(
            p -> {
              p.getSpec().setDryRun(false);
              return p;
            });
    Promotion done = awaitPhase("approve-me", Phase.SUCCEEDED);
    assertThat(done.getStatus().getChanges()).isEqualTo(previewed.getStatus().getChanges());
    assertThat(done.getStatus().getDiff()).isEqualTo(previewed.getStatus().getDiff());
    assertThat(done.getStatus().getCommit()).isEqualTo(repo.head());
    assertThat(done.getStatus().getTitle()).isEqualTo("Promote [DEV] v1.5.0 -> [TST] v1.3.0");
  }

  @Test
  void approvingAfterTheRepositoryMovedFailsWithPlanChangedAndPushesNothing() {
    awaitPhase(
        promotion("stale", "tbd-test", "DEV", "TST", true).getMetadata().getName(),
        Phase.PREVIEWED);
    String dev = "workloads/tbd-test/frontend/overlays/dev/values.yaml";
    repo.commitAsSomeoneElse(dev, repo.read(dev).replace("1.5.0", "1.5.1"), "New DEV build");
    String head = repo.head();
    client
        .resources(Promotion.class)
        .inNamespace("default")
        .withName("stale")
        .edit(
            p -> {
              p.getSpec().setDryRun(false);
              return p;
            });
    Promotion failed = awaitPhase("stale", Phase.FAILED);
    assertThat(failed.getStatus().getReason()).isEqualTo("PlanChanged");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void invalidPromotionsFailWithAReasonAndNoRetry() {
    promotion("unknown-env", "tbd-test", "DEV", "QA", false);
    promotion("off-path", "tbd-test", "DEV", "PRD", false);
    promotion("no-group", "nope", "DEV", "TST", false);
    assertThat(awaitPhase("unknown-env", Phase.FAILED).getStatus().getReason())
        .isEqualTo("UnknownEnvironment");
    assertThat(awaitPhase("off-path", Phase.FAILED).getStatus().getReason())
        .isEqualTo("NotOnPromotionPath");
    Promotion noGroup = awaitPhase("no-group", Phase.FAILED);
    assertThat(noGroup.getStatus().getReason()).isEqualTo("GroupNotFound");
    assertThat(noGroup.getStatus().getMessage()).contains("'nope'");
    assertThat(
            Conditions.find(noGroup.getStatus().getConditions(), Conditions.READY)
                .orElseThrow()
                .getStatus())
        .isEqualTo("False");
  }

  @Test
  void aFailureMessageQuotingAUrlWithAPasswordShowsItRedactedOnStatusAndEvents() {
    promotion("leaky", "https://bot:SECRETPASS@git.example.com/argocd.git", "DEV", "TST", false);

    Promotion failed = awaitPhase("leaky", Phase.FAILED);

    assertThat(failed.getStatus().getReason()).isEqualTo("InvalidName");
    assertThat(failed.getStatus().getMessage())
        .contains("https://git.example.com/argocd.git")
        .doesNotContain("SECRETPASS")
        .doesNotContain("bot:");
    assertThat(failed.getStatus().getConditions())
        .allSatisfy(c -> assertThat(c.getMessage()).doesNotContain("SECRETPASS"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.v1().events().inNamespace("default").list().getItems().stream()
                    .anyMatch(
                        e ->
                            "leaky".equals(e.getInvolvedObject().getName())
                                && "InvalidName".equals(e.getReason())));
    assertThat(client.v1().events().inNamespace("default").list().getItems())
        .filteredOn(e -> "leaky".equals(e.getInvolvedObject().getName()))
        .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("SECRETPASS"));
  }

  @Test
  void twoPromotionsOnOneRepositoryBothLandOneAfterTheOther() {
    int commits = repo.log().size();
    promotion("first", "tbd-test", "DEV", "TST", false);
    promotion("second", "payments", "DEV", "TST", false);
    Promotion first = awaitPhase("first", Phase.SUCCEEDED);
    Promotion second = awaitPhase("second", Phase.SUCCEEDED);
    assertThat(repo.log()).hasSize(commits + 2);
    List<String> newest = List.of(repo.log().get(0).getName(), repo.log().get(1).getName());
    assertThat(newest)
        .containsExactlyInAnyOrder(first.getStatus().getCommit(), second.getStatus().getCommit());
    assertThat(repo.read("workloads/payments/api/overlays/tst/values.yaml"))
        .contains("tag: \"2.3.1\"");
    assertThat(repo.read("workloads/tbd-test/frontend/overlays/tst/values.yaml"))
        .contains("tag: \"1.5.0\"");
  }

  @Test
  void aRestartedOperatorNeitherRerunsAFinishedPromotionNorPushesAgain() {
    Promotion done =
        awaitPhase(
            promotion("once", "tbd-test", "DEV", "TST", false).getMetadata().getName(),
            Phase.SUCCEEDED);
    harness.close();
    int commits = repo.log().size();
    harness = new OperatorHarness(client, repo.fileUrl(), dir.resolve("cache-after-restart"));
    await().atMost(Duration.ofSeconds(10)).until(harness.operator::isReady);
    Promotion after =
        client.resources(Promotion.class).inNamespace("default").withName("once").get();
    assertThat(after.getStatus().getCompletedAt()).isEqualTo(done.getStatus().getCompletedAt());
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(done.getMetadata().getResourceVersion());
    assertThat(repo.log()).hasSize(commits);
  }

  @Test
  void aPromotionInterruptedAfterItsPushIsRecognisedAndNotPushedTwice() {
    harness.close();
    harness = null;
    Promotion created = promotion("interrupted", "tbd-test", "DEV", "TST", false);
    // The previous operator pushed the commit and died before writing the status.
    var request =
        new RequestValidator(EnvironmentCatalog.defaults())
            .validate(
                new PromotionParameters(
                    created.getMetadata().getUid(),
                    "tbd-test",
                    "DEV",
                    "TST",
                    "frontend",
                    false,
                    false,
                    null,
                    "someone"));
    String pushed;
    try (GitWorkspace ws =
        GitWorkspace.open(
            new GitRemote(repo.fileUrl(), "main", GitCredentials.none()),
            dir.resolve("old-operator"))) {
      pushed =
          new PromotionEngine(
                  OverlaysLayout.defaults(),
                  new PersonIdent("po", "po@example.com"),
                  Clock.systemUTC(),
                  PromotionListener.NONE,
                  5)
              .run(request, ws, PromotionEngine.RunOptions.firstAttempt())
              .commit();
    }
    int commits = repo.log().size();

    harness = new OperatorHarness(client, repo.fileUrl(), dir.resolve("cache"));
    Promotion done = awaitPhase("interrupted", Phase.SUCCEEDED);
    assertThat(done.getStatus().getCommit()).isEqualTo(pushed);
    assertThat(repo.log()).hasSize(commits);
    assertThat(
            Conditions.find(done.getStatus().getConditions(), Conditions.COMMITTED)
                .orElseThrow()
                .getReason())
        .isEqualTo("AlreadyPushed");
    assertThat(done.getStatus().getChanges()).hasSize(2);
  }

  @Test
  void aBatchWithOneBadPromotionLandsTheOthersOneCommitEachInCreationOrder() {
    repo.commitAsSomeoneElse(
        "workloads/payments/api/overlays/stg/values.yaml",
        "applications: [unclosed\n",
        "Break the payments STG overlay");
    int commits = repo.log().size();
    promotion("a-tbd-test-dev-tst", "tbd-test", "DEV", "TST", false);
    promotion("b-payments-tst-stg", "payments", "TST", "STG", false);
    promotion("c-payments-dev-tst", "payments", "DEV", "TST", false);
    promotion("d-tbd-test-tst-stg", "tbd-test", "TST", "STG", false);

    Promotion bad = awaitPhase("b-payments-tst-stg", Phase.FAILED);
    List<Promotion> landed =
        List.of(
            awaitPhase("a-tbd-test-dev-tst", Phase.SUCCEEDED),
            awaitPhase("c-payments-dev-tst", Phase.SUCCEEDED),
            awaitPhase("d-tbd-test-tst-stg", Phase.SUCCEEDED));

    assertThat(bad.getStatus().getReason()).isEqualTo("InvalidOverlay");
    assertThat(bad.getStatus().getMessage())
        .contains("workloads/payments/api/overlays/stg/values.yaml");
    List<org.eclipse.jgit.revwalk.RevCommit> log = repo.log();
    assertThat(log).hasSize(commits + 3);
    assertThat(landed)
        .extracting(p -> p.getStatus().getCommit())
        .containsExactly(log.get(2).getName(), log.get(1).getName(), log.get(0).getName());
    assertThat(landed)
        .allSatisfy(
            p -> {
              assertThat(p.getStatus().getGit().getRoundTrips()).isPositive();
              assertThat(p.getStatus().getGit().getBatchSize()).isBetween(1, 4);
            });
  }

  @Test
  void aBatchInterruptedBetweenItsPushAndTheStatusUpdateIsRecognisedAndNotPushedTwice() {
    harness.close();
    harness = null;
    List<Promotion> created =
        List.of(
            promotion("first", "tbd-test", "DEV", "TST", false),
            promotion("second", "payments", "DEV", "TST", false),
            promotion("third", "tbd-test", "TST", "STG", false));
    // The previous operator pushed the whole batch in one push and died before writing any status.
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    List<PromotionChange> batch =
        created.stream()
            .map(
                p ->
                    new PromotionChange(
                        validator.validate(
                            new PromotionParameters(
                                p.getMetadata().getUid(),
                                p.getSpec().getWorkloadGroup(),
                                p.getSpec().getSourceEnv(),
                                p.getSpec().getTargetEnv(),
                                null,
                                false,
                                false,
                                null,
                                "someone")),
                        OverlaysLayout.defaults(),
                        Clock.systemUTC(),
                        null,
                        null))
            .toList();
    List<String> pushed;
    try (GitWorkspace ws =
        GitWorkspace.open(
            new GitRemote(repo.fileUrl(), "main", GitCredentials.none()),
            dir.resolve("old-operator"))) {
      pushed =
          new RunLoop(
                  new PersonIdent("po", "po@example.com"),
                  Clock.systemUTC(),
                  PushRetry.DEFAULT,
                  Sleeper.blocking(),
                  RunListener.NONE)
              .runAll(batch, ws).stream().map(o -> o.result().commit()).toList();
    }
    int commits = repo.log().size();

    harness = new OperatorHarness(client, repo.fileUrl(), dir.resolve("cache"));
    List<Promotion> done =
        List.of(
            awaitPhase("first", Phase.SUCCEEDED),
            awaitPhase("second", Phase.SUCCEEDED),
            awaitPhase("third", Phase.SUCCEEDED));

    assertThat(done).extracting(p -> p.getStatus().getCommit()).containsExactlyElementsOf(pushed);
    assertThat(repo.log()).hasSize(commits);
    assertThat(done)
        .extracting(
            p ->
                Conditions.find(p.getStatus().getConditions(), Conditions.COMMITTED)
                    .orElseThrow()
                    .getReason())
        .containsOnly("AlreadyPushed");
  }
}
