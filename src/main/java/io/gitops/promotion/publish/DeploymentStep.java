package io.gitops.promotion.publish;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.gitlab.DeploymentRef;
import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.ResolvedTag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Registers the target environment's deployments of a pushed promotion or rollback: on the GitOps
 * project at the release tag (or, without a release, the pushed commit on the branch), and on the
 * source project of each changed application at the commit of its tag {@code v<version>} (a hotfix
 * build through its base tag). The environment gets the configured tier.
 *
 * <p>Looks before it creates: a deployment of the same commit to the same environment made since
 * the run started is its own, from an earlier run.
 */
final class DeploymentStep {

  private final GitLab gitLab;

  DeploymentStep(GitLab gitLab) {
    this.gitLab = gitLab;
  }

  void run(PublishRequest request, PublishProgress progress) {
    if (!request.pushed()) {
      progress.deploymentsFinished(
          DeploymentsOutcome.SKIPPED, "nothing was pushed (" + request.outcome() + ")");
      return;
    }
    Deployer deployer = new Deployer(request, progress);
    ReleaseStepResult release = progress.release();
    boolean created =
        release.tag() != null
            ? deployer.deploy(request.gitlabProject(), release.tag(), true, release.tagSha())
            : deployer.deploy(request.gitlabProject(), request.branch(), false, request.commit());
    for (PromotedApplication app : request.applications()) {
      if (app.project().isEmpty()) {
        continue;
      }
      String project = app.project().get();
      Optional<ResolvedTag> tag = VersionTags.resolve(gitLab, project, app.to());
      if (tag.isEmpty()) {
        progress.warn(
            "no deployment of "
                + app.app()
                + " "
                + app.to()
                + ": GitLab project "
                + project
                + " has no tag "
                + VersionTags.tagName(app.to()));
      } else if (!progress.hasDeployment(project, tag.get().sha())) {
        created |= deployer.deploy(project, tag.get().tagName(), true, tag.get().sha());
      }
    }
    progress.deploymentsFinished(
        created ? DeploymentsOutcome.CREATED : DeploymentsOutcome.ALREADY_EXISTED,
        created ? "deployments registered" : "every deployment was already registered");
  }

  /** One run's environment and time window, and the projects whose environment is ensured. */
  private final class Deployer {
    private final Environment environment;
    private final Instant since;
    private final PublishProgress progress;
    private final Set<String> ensured = new HashSet<>();

    Deployer(PublishRequest request, PublishProgress progress) {
      this.environment = request.target();
      // GitLab compares in milliseconds or seconds; an earlier bound only widens the window a
      // little
      this.since = request.startedAt().truncatedTo(ChronoUnit.SECONDS);
      this.progress = progress;
    }

    /** Returns whether it created the deployment (false: found). */
    boolean deploy(String project, String ref, boolean refIsTag, String sha) {
      if (ensured.add(project)) {
        gitLab.ensureEnvironment(project, environment.name(), environment.tier());
      }
      Optional<DeploymentRef> found =
          gitLab.findDeployment(project, environment.name(), sha, since);
      DeploymentRef deployment =
          found.orElseGet(
              () -> gitLab.createDeployment(project, environment.name(), ref, refIsTag, sha));
      progress.deployed(
          new RecordedDeployment(
              project,
              environment.name(),
              deployment.id(),
              deployment.sha() == null ? sha : deployment.sha(),
              deployment.ref() == null ? ref : deployment.ref()));
      return found.isEmpty();
    }
  }
}
