package io.gitops.promotion.publish;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.Gitlab4jGitLab;
import io.gitops.promotion.gitlab.RetryListener;
import io.gitops.promotion.gitlab.RetryPolicy;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.rollback.RollbackEngine;
import io.gitops.promotion.rollback.RollbackListener;
import io.gitops.promotion.rollback.RollbackParameters;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import io.gitops.promotion.rollback.RollbackValidator;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The real thing end to end, on one machine: a GitOps repository (the example) promoted and rolled
 * back by the engines, a fake GitLab over HTTP that hosts it as project 4242 next to the
 * applications' source projects 1331, 1332 and 1333, and a {@link Publisher} on gitlab4j whose
 * retries wait for nothing.
 */
final class PublishingHarness implements AutoCloseable {

  static final String GITOPS = "4242";

  final GitOpsRepository repo;
  final FakeGitLabServer gitlab = FakeGitLabServer.start();
  final List<Duration> retryWaits = Collections.synchronizedList(new ArrayList<>());
  final Gitlab4jGitLab client =
      new Gitlab4jGitLab(
          gitlab.url(),
          gitlab.token(),
          new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
          retryWaits::add,
          RetryListener.none());
  final Publisher publisher = new Publisher(client);
  private final Path dir;
  private int clones;

  PublishingHarness(Path dir) {
    this.dir = dir;
    this.repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab.addProject(4242, "devops/argocd");
    gitlab.hostRepository(GITOPS, repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addProject(1333, "tbd/worker");
  }

  /** A promotion pushed by the engine; {@code startedAt} is taken just before it runs. */
  Promoted promote(String promotionId, String from, String to) {
    return run(promotionId, from, to, Instant.now(), PromotionEngine.RunOptions.firstAttempt());
  }

  /**
   * The same promotion run again, as after a restart of the operator: the engine finds its pushed
   * commit by the trailer, and the GitLab steps get the same start time.
   */
  Promoted rerun(String promotionId, String from, String to, Instant startedAt) {
    return run(promotionId, from, to, startedAt, new PromotionEngine.RunOptions(null, startedAt));
  }

  private Promoted run(
      String promotionId,
      String from,
      String to,
      Instant startedAt,
      PromotionEngine.RunOptions options) {
    RequestValidator validator = new RequestValidator(EnvironmentCatalog.defaults());
    PromotionEngine engine =
        new PromotionEngine(
            OverlaysLayout.defaults(),
            new PersonIdent("promotion-operator", "po@example.com"),
            Clock.systemUTC(),
            PromotionListener.NONE,
            5);
    GitRemote remote = new GitRemote(repo.fileUrl(), "main", GitCredentials.none());
    try (GitWorkspace workspace = GitWorkspace.open(remote, dir.resolve("clone-" + ++clones))) {
      PromotionResult result =
          engine.run(
              validator.validate(
                  new PromotionParameters(
                      promotionId, "tbd-test", from, to, "frontend", false, false, null, "alice")),
              workspace,
              options);
      return new Promoted(
          result, PublishRequest.of(result, PublishSettings.of(GITOPS, "main"), startedAt));
    }
  }

  /** The engine's result and the request for its GitLab steps. */
  record Promoted(PromotionResult result, PublishRequest request) {}

  /**
   * A rollback of the latest promotion of tbd-test into TST pushed by the rollback engine; {@code
   * startedAt} is taken just before it runs.
   */
  RolledBack rollBack(String rollbackId) {
    return rollBack(rollbackId, Instant.now(), null);
  }

  /**
   * The same rollback run again, as after a restart of the operator: the engine finds its pushed
   * commit by the trailer, and the GitLab steps get the same start time.
   */
  RolledBack rerunRollback(String rollbackId, Instant startedAt) {
    return rollBack(rollbackId, startedAt, startedAt);
  }

  private RolledBack rollBack(String rollbackId, Instant startedAt, Instant mayHavePushedSince) {
    RollbackRequest request =
        new RollbackValidator(EnvironmentCatalog.defaults())
            .validate(
                new RollbackParameters(
                    rollbackId, "tbd-test", "TST", false, false, null, "bob", null, null));
    RollbackEngine engine =
        new RollbackEngine(
            OverlaysLayout.defaults(),
            new PersonIdent("promotion-operator", "po@example.com"),
            Clock.systemUTC(),
            RollbackListener.NONE,
            5);
    GitRemote remote = new GitRemote(repo.fileUrl(), "main", GitCredentials.none());
    try (GitWorkspace workspace = GitWorkspace.open(remote, dir.resolve("clone-" + ++clones))) {
      RollbackResult result = engine.run(request, workspace, mayHavePushedSince);
      return new RolledBack(
          result,
          PublishRequest.ofRollback(
              request, result, PublishSettings.of(GITOPS, "main"), startedAt));
    }
  }

  /** The rollback engine's result and the request for its GitLab steps. */
  record RolledBack(RollbackResult result, PublishRequest request) {}

  @Override
  public void close() {
    client.close();
    gitlab.close();
  }
}
