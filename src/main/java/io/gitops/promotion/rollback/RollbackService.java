package io.gitops.promotion.rollback;

import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.MergeRequestDeliveries;
import io.gitops.promotion.engine.RepositoryCatalog;
import io.gitops.promotion.engine.RepositoryRunner;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.gitlab.MergeRequestClients;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.run.RepositoryWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * Rollbacks as a long-running process runs them: validated with the configured rollback window, and
 * handed to the repository's writer like promotions, through a merge request into an environment
 * gated by one unless it is an emergency.
 */
public final class RollbackService {
  private final RepositoryCatalog repositories;
  private final RollbackValidator validator;
  private final RollbackWindow window;
  private final RepositoryRunner runner;
  private final Clock clock;
  private final Gates gates;
  private final MergeRequestDeliveries mergeRequests;

  /**
   * @param mergeRequests the GitLab clients merge requests of gated environments are opened and
   *     followed with
   */
  public RollbackService(
      RepositoryCatalog repositories,
      RollbackValidator validator,
      RollbackWindow window,
      RepositoryRunner runner,
      Clock clock,
      Gates gates,
      MergeRequestClients mergeRequests) {
    this.mergeRequests = new MergeRequestDeliveries(mergeRequests);
    this.repositories = repositories;
    this.validator = validator;
    this.window = window;
    this.runner = runner;
    this.clock = clock;
    this.gates = gates;
  }

  /** Validates a rollback; the configured window applies. */
  public RollbackRequest validate(RollbackParameters p) {
    return validator.validate(
        new RollbackParameters(
            p.rollbackId(),
            p.group(),
            p.targetEnv(),
            p.dryRun(),
            p.force(),
            p.reason(),
            p.requestedBy(),
            window,
            p.expectedPromotionId(),
            p.emergency()));
  }

  public TargetRepository repository(String name) {
    return repositories.resolve(name);
  }

  /** The configured name of the repository a request names, without reading credentials. */
  public String repositoryName(String name) {
    return repositories.nameOf(name);
  }

  public RepositoryWriter writer(String repositoryName) {
    return runner.writer(repositoryName);
  }

  /** The merge requests of a repository's GitLab project. */
  public MergeRequests mergeRequests(TargetRepository repository) {
    return mergeRequests.api(repository);
  }

  /**
   * Queues the rollback on its repository's writer; {@code wake} runs when its result can be taken.
   * An execution into an environment gated by merge request (no emergency) is delivered through
   * one.
   *
   * @param landedCommit the commit its merged merge request landed as: the rollback resumes from
   *     it; null while it has not landed
   * @param origin what its merge request says it was opened for, e.g. {@code PromotionRollback
   *     default/undo-stg}
   */
  public void submit(
      TargetRepository repository,
      RollbackRequest request,
      Instant mayHavePushedSince,
      String landedCommit,
      String origin,
      String order,
      Runnable wake) {
    RollbackChange change =
        new RollbackChange(request, repository.layout(), clock, mayHavePushedSince, gates)
            .from(origin);
    boolean landed = landedCommit != null;
    runner.submit(
        repository,
        request.rollbackId(),
        order,
        landed ? change.landedAs(landedCommit) : change,
        wake,
        () -> false,
        !landed && request.throughMergeRequest()
            ? mergeRequests.through(repository, request)
            : null);
  }
}
