package io.gitops.promotion.promotion;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Promotions as a long-running process runs them: validates requests against the configuration,
 * resolves the repository, and runs the engine on the repository's cached clone while holding the
 * repository's lock (one writer per repository branch).
 */
public final class PromotionService {
  private final RepositoryCatalog repositories;
  private final RequestValidator validator;
  private final Map<String, String> defaultVersionServices;
  private final RepositoryRunner runner;
  private final PersonIdent committer;
  private final Clock clock;
  private final PromotionListener listener;
  private final int maxPushAttempts;

  public PromotionService(RepositoryCatalog repositories, RequestValidator validator,
      Map<String, String> defaultVersionServices, RepositoryRunner runner, PersonIdent committer, Clock clock, PromotionListener listener, int maxPushAttempts) {
    this.repositories = repositories;
    this.validator = validator;
    this.defaultVersionServices = Map.copyOf(defaultVersionServices);
    this.runner = runner;
    this.committer = committer;
    this.clock = clock;
    this.listener = listener;
    this.maxPushAttempts = maxPushAttempts;
  }

  /** Validates a request; the group's configured lead service applies when the request names none. */
  public PromotionRequest validate(PromotionParameters p) {
    String versionService = p.versionService() != null ? p.versionService() : defaultVersionServices.get(p.group());
    return validator.validate(new PromotionParameters(p.promotionId(), p.group(), p.sourceEnv(), p.targetEnv(),
        versionService, p.dryRun(), p.force(), p.reason(), p.requestedBy()));
  }

  /** The repository a request names (null: the only configured one). */
  public TargetRepository repository(String name) {
    return repositories.resolve(name);
  }

  /** The configured name of the repository a request names, without reading credentials. */
  public String repositoryName(String name) {
    return repositories.nameOf(name);
  }

  /** Runs the promotion when the repository is free; empty, at once, when another run holds it. */
  public Optional<PromotionResult> runIfFree(TargetRepository repository, PromotionRequest request,
      PromotionEngine.RunOptions options) {
    return runner.ifFree(repository, workspace ->
        new PromotionEngine(repository.layout(), committer, clock, listener, maxPushAttempts).run(request, workspace, options));
  }
}
