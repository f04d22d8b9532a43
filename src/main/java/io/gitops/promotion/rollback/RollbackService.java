package io.gitops.promotion.rollback;

import io.gitops.promotion.config.RollbackWindow;
import io.gitops.promotion.promotion.RepositoryCatalog;
import io.gitops.promotion.promotion.RepositoryRunner;
import io.gitops.promotion.promotion.TargetRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Rollbacks as a long-running process runs them: validated with the configured rollback window, run
 * on the repository's cached clone under the repository's lock, like promotions.
 */
public final class RollbackService {
  private final RepositoryCatalog repositories;
  private final RollbackValidator validator;
  private final RollbackWindow window;
  private final RepositoryRunner runner;
  private final PersonIdent committer;
  private final Clock clock;
  private final RollbackListener listener;
  private final int maxPushAttempts;

  public RollbackService(RepositoryCatalog repositories, RollbackValidator validator, RollbackWindow window,
      RepositoryRunner runner, PersonIdent committer, Clock clock, RollbackListener listener, int maxPushAttempts) {
    this.repositories = repositories;
    this.validator = validator;
    this.window = window;
    this.runner = runner;
    this.committer = committer;
    this.clock = clock;
    this.listener = listener;
    this.maxPushAttempts = maxPushAttempts;
  }

  /** Validates a rollback; the configured window applies. */
  public RollbackRequest validate(RollbackParameters p) {
    return validator.validate(new RollbackParameters(p.rollbackId(), p.group(), p.targetEnv(), p.dryRun(), p.force(),
        p.reason(), p.requestedBy(), window, p.expectedPromotionId()));
  }

  public TargetRepository repository(String name) {
    return repositories.resolve(name);
  }

  /** Runs the rollback when the repository is free; empty, at once, when another run holds it. */
  public Optional<RollbackResult> runIfFree(TargetRepository repository, RollbackRequest request, Instant mayHavePushedSince) {
    return runner.ifFree(repository, workspace -> new RollbackEngine(repository.layout(), committer, clock, listener,
        maxPushAttempts).run(request, workspace, mayHavePushedSince));
  }
}
