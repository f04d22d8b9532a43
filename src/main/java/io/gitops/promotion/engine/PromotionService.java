package io.gitops.promotion.engine;

import io.gitops.promotion.engine.PromotionEngine.RunOptions;
import io.gitops.promotion.gate.GateDecision;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.gitlab.MergeRequestClients;
import io.gitops.promotion.gitlab.MergeRequests;
import io.gitops.promotion.run.Delivery;
import io.gitops.promotion.run.RepositoryWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Promotions as a long-running process runs them: validates requests against the configuration,
 * resolves the repository, and hands each promotion to its repository's writer, which lands it in a
 * batch with the others ready at the same time (one writer per repository branch).
 */
public final class PromotionService {
  private final RepositoryCatalog repositories;
  private final RequestValidator validator;
  private final Map<String, String> defaultVersionServices;
  private final RepositoryRunner runner;
  private final Clock clock;
  private final Gates gates;
  private final MergeRequestDeliveries mergeRequests;
  private final ReleaseChangelog changelogs;

  public PromotionService(
      RepositoryCatalog repositories,
      RequestValidator validator,
      Map<String, String> defaultVersionServices,
      RepositoryRunner runner,
      Clock clock) {
    this(repositories, validator, defaultVersionServices, runner, clock, Gates.none());
  }

  public PromotionService(
      RepositoryCatalog repositories,
      RequestValidator validator,
      Map<String, String> defaultVersionServices,
      RepositoryRunner runner,
      Clock clock,
      Gates gates) {
    this(
        repositories,
        validator,
        defaultVersionServices,
        runner,
        clock,
        gates,
        new MergeRequestClients());
  }

  /**
   * @param mergeRequests the GitLab clients merge requests of gated environments are opened and
   *     followed with
   */
  public PromotionService(
      RepositoryCatalog repositories,
      RequestValidator validator,
      Map<String, String> defaultVersionServices,
      RepositoryRunner runner,
      Clock clock,
      Gates gates,
      MergeRequestClients mergeRequests) {
    this(
        repositories,
        validator,
        defaultVersionServices,
        runner,
        clock,
        gates,
        mergeRequests,
        ReleaseChangelog.NONE);
  }

  /**
   * @param changelogs the changelog a release will carry, for the description of a merge request
   *     that leads to one
   */
  public PromotionService(
      RepositoryCatalog repositories,
      RequestValidator validator,
      Map<String, String> defaultVersionServices,
      RepositoryRunner runner,
      Clock clock,
      Gates gates,
      MergeRequestClients mergeRequests,
      ReleaseChangelog changelogs) {
    this.changelogs = changelogs;
    this.mergeRequests = new MergeRequestDeliveries(mergeRequests);
    this.repositories = repositories;
    this.validator = validator;
    this.defaultVersionServices = Map.copyOf(defaultVersionServices);
    this.runner = runner;
    this.clock = clock;
    this.gates = gates;
  }

  /** The freeze window a forced execution goes through, if one is open for its target now. */
  public Optional<GateDecision> overriddenGate(PromotionRequest request) {
    if (!request.force() || request.dryRun()) {
      return Optional.empty();
    }
    GateDecision frozen = gates.windows().decide(request.target().name(), clock.instant());
    return frozen.open() ? Optional.empty() : Optional.of(frozen);
  }

  /**
   * Validates a request; the group's configured lead service applies when the request names none.
   */
  public PromotionRequest validate(PromotionParameters p) {
    String versionService =
        p.versionService() != null ? p.versionService() : defaultVersionServices.get(p.group());
    return validator.validate(
        new PromotionParameters(
            p.promotionId(),
            p.group(),
            p.sourceEnv(),
            p.targetEnv(),
            versionService,
            p.dryRun(),
            p.force(),
            p.reason(),
            p.requestedBy()));
  }

  /** The repository a request names (null: the only configured one). */
  public TargetRepository repository(String name) {
    return repositories.resolve(name);
  }

  /** The configured name of the repository a request names, without reading credentials. */
  public String repositoryName(String name) {
    return repositories.nameOf(name);
  }

  /** Whether an Argo CD revision is the commit or one after it on the repository's branch. */
  public boolean isAtOrAfter(TargetRepository repository, String commit, String revision) {
    return runner.isAtOrAfter(repository, commit, revision);
  }

  /** The writer of a repository, by its configured name. */
  public RepositoryWriter writer(String repositoryName) {
    return runner.writer(repositoryName);
  }

  /**
   * Queues the promotion on its repository's writer; {@code wake} runs when its result can be
   * taken. An execution into an environment gated by merge request is delivered through one (alone,
   * not in a batch); once that request merged, {@link RunOptions#landedCommit()} resumes it from
   * the merged commit.
   */
  public void submit(
      TargetRepository repository,
      PromotionRequest request,
      RunOptions options,
      String order,
      Runnable wake,
      java.util.function.BooleanSupplier waitsForOlder) {
    PromotionChange change =
        PromotionChange.of(request, repository.layout(), clock, gates, options);
    runner.submit(
        repository,
        request.promotionId(),
        order,
        throughMergeRequest(request, options)
            ? change.withChangelog(plan -> changelogs.of(repository, plan))
            : change,
        wake,
        waitsForOlder,
        delivery(repository, request, options));
  }

  /**
   * Queues the promotion to be planned again on the branch's new head because its open merge
   * request {@code iid} could not merge: its one new commit replaces the review branch, while that
   * is still at {@code replaced} (the commit the operator pushed there), and the request's title
   * and description become the new plan's (with the changelog, as when it was opened).
   */
  public void replan(
      TargetRepository repository,
      PromotionRequest request,
      RunOptions options,
      String order,
      Runnable wake,
      long iid,
      String replaced) {
    runner.submit(
        repository,
        request.promotionId(),
        order,
        PromotionChange.of(request, repository.layout(), clock, gates, options)
            .withChangelog(plan -> changelogs.of(repository, plan)),
        wake,
        () -> false,
        mergeRequests.replacing(repository, request, iid, replaced));
  }

  /** Whether an execution of the request goes through a merge request (and is not merged yet). */
  public boolean throughMergeRequest(PromotionRequest request, RunOptions options) {
    return !request.dryRun()
        && request.target().gatedByMergeRequest()
        && options.landedCommit() == null;
  }

  /** The review branch of a promotion into a gated environment. */
  public static String reviewBranch(PromotionRequest request) {
    return request.reviewBranch();
  }

  /** The merge requests of a repository's GitLab project. */
  public MergeRequests mergeRequests(TargetRepository repository) {
    return mergeRequests.api(repository);
  }

  private Delivery delivery(
      TargetRepository repository, PromotionRequest request, RunOptions options) {
    if (!throughMergeRequest(request, options)) {
      return null;
    }
    return mergeRequests.through(repository, request);
  }
}
