/**
 * What follows a pushed promotion or rollback in GitLab: the release tag and release with its
 * changelog (for a promotion whose source environment is a release source) and the deployments of
 * the target environment.
 *
 * <p>{@link io.gitops.promotion.publish.Publisher} runs the steps over the {@link
 * io.gitops.promotion.gitlab.GitLab} port. Every step looks before it creates, so running it again
 * for the same promotion (a retry, a restart) creates nothing twice, and every step records what it
 * did in the {@link io.gitops.promotion.publish.PublishResult}. Nothing here knows Kubernetes, Git
 * or gitlab4j.
 */
package io.gitops.promotion.publish;
