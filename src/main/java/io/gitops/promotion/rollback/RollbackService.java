package io.gitops.promotion.rollback;

import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.engine.RepositoryCatalog;
import io.gitops.promotion.engine.RepositoryRunner;
import io.gitops.promotion.engine.TargetRepository;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.run.RepositoryWriter;
import java.time.Clock;
import java.time.Instant;

/**
 * Rollbacks as a long-running process runs them: validated with the configured rollback window, and
 * handed to the repository's writer like promotions.
 */
public final class RollbackService {
  private final RepositoryCatalog repositories;
  private final RollbackValidator validator;
  private final RollbackWindow window;
  private final RepositoryRunner runner;
  private final Clock clock;
  private final Gates gates;

  public RollbackService(
      RepositoryCatalog repositories,
      RollbackValidator validator,
      RollbackWindow window,
      RepositoryRunner runner,
      Clock clock) {
    this(repositories, validator, window, runner, clock, Gates.none());
  }

  public RollbackService(
      RepositoryCatalog repositories,
      RollbackValidator validator,
      RollbackWindow window,
      RepositoryRunner runner,
      Clock clock,
      Gates gates) {
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
            p.expectedPromotionId()));
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

  /**
   * Queues the rollback on its repository's writer; {@code wake} runs when its result can be taken.
   */
  public void submit(
      TargetRepository repository,
      RollbackRequest request,
      Instant mayHavePushedSince,
      String order,
      Runnable wake) {
    runner.submit(
        repository,
        request.rollbackId(),
        order,
        new RollbackChange(request, repository.layout(), clock, mayHavePushedSince, gates),
        wake,
        () -> false);
  }
}
