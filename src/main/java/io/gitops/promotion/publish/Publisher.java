package io.gitops.promotion.publish;

import io.gitops.promotion.changelog.CommitClassifier;
import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.GitLabException;

/**
 * Runs the GitLab steps that follow a pushed promotion or rollback, in order: {@link
 * PublishStep#RELEASE} then {@link PublishStep#DEPLOYMENTS}. Running it again for the same request
 * creates nothing twice, so a caller retries a failed run by running it again. It never touches
 * Git: the push is done.
 */
public final class Publisher {

  private final ReleaseStep release;
  private final DeploymentStep deployments;

  public Publisher(GitLab gitLab) {
    this.release = new ReleaseStep(gitLab, new ChangelogReader(gitLab, new CommitClassifier()));
    this.deployments = new DeploymentStep(gitLab);
  }

  /**
   * @throws PublishFailedException when a GitLab call failed; it carries the steps' partial result
   *     and GitLab's failure (terminal or retryable)
   */
  public PublishResult publish(PublishRequest request) {
    PublishProgress progress = new PublishProgress();
    PublishStep step = PublishStep.RELEASE;
    try {
      release.run(request, progress);
      step = PublishStep.DEPLOYMENTS;
      deployments.run(request, progress);
    } catch (GitLabException e) {
      throw new PublishFailedException(step, progress.result(), e);
    }
    return progress.result();
  }
}
