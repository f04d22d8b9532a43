package io.gitops.promotion.publish;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.engine.PromotionCommitMessage;
import io.gitops.promotion.engine.PromotionOutcome;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.PromotionTitle;
import io.gitops.promotion.engine.TagChange;
import io.gitops.promotion.gitlab.TagVersions;
import io.gitops.promotion.rollback.Restoration;
import io.gitops.promotion.rollback.RollbackRequest;
import io.gitops.promotion.rollback.RollbackResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the GitLab steps of one promotion or rollback work from: its outcome and commit, where to
 * publish it, and the changed applications. Build it with {@link #of} or {@link #ofRollback}.
 *
 * @param outcome the run's outcome as reports show it ({@code Promoted}, {@code NothingToPromote},
 *     {@code Restored}, ...): named when nothing was pushed and every step is skipped
 * @param gitlabProject the GitOps repository's GitLab project (numeric id or path)
 * @param branch the branch the commit was pushed to
 * @param commit the pushed commit, {@code null} when nothing was pushed: only a pushed commit is
 *     published
 * @param startedAt when the run started: deployments made since then for the same commit are its
 *     own (a retry finds them instead of making new ones); the same for every run of the same
 *     promotion or rollback
 * @param source the environment the versions came from; {@code null} for a rollback, which brings
 *     back the target's own earlier versions
 * @param releaseSource whether {@code source} is one of the environments releases are made from;
 *     never for a rollback
 * @param version the release version (the lead service's source tag), {@code null} when none
 * @param promotionName {@code tbd-test [DEV] v1.5.0 → [TST] v1.3.0}: the release's name
 * @param tagMessage the message of the release tag: the subject of the promotion commit
 * @param applications the changed applications, the lead service's first, then in plan order; for a
 *     rollback the restored ones, {@code to} being the version restored
 */
public record PublishRequest(
    String outcome,
    String gitlabProject,
    String branch,
    String commit,
    Instant startedAt,
    String group,
    Environment source,
    Environment target,
    boolean releaseSource,
    String version,
    String leadService,
    String promotionName,
    String tagMessage,
    List<PromotedApplication> applications) {

  public PublishRequest {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(gitlabProject, "gitlabProject");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(target, "target");
    if (releaseSource && source == null) {
      throw new IllegalArgumentException("a release is made from a source environment");
    }
    applications = List.copyOf(applications);
  }

  /**
   * The request for a promotion's result.
   *
   * @param startedAt when the promotion started; pass the same instant on every retry of it (the
   *     operator: {@code status.startedAt})
   */
  public static PublishRequest of(
      PromotionResult result, PublishSettings settings, Instant startedAt) {
    PromotionPlan plan = Objects.requireNonNull(result.plan(), "a result without a plan");
    if (result.outcome() == PromotionOutcome.PROMOTED && result.commit() == null) {
      throw new IllegalArgumentException("a promoted result has a commit");
    }
    return new PublishRequest(
        result.outcome().label(),
        settings.gitlabProject(),
        settings.branch(),
        result.commit(),
        startedAt,
        plan.request().group(),
        plan.request().source(),
        plan.request().target(),
        settings.releasesFrom(plan.request().source()),
        plan.version(),
        plan.leadService(),
        PromotionTitle.withGroup(plan, "→"),
        PromotionCommitMessage.of(plan).lines().findFirst().orElse(""),
        applications(plan));
  }

  /** The lead service's applications first: they carry the release version. */
  static List<PromotedApplication> applications(PromotionPlan plan) {
    List<PromotedApplication> lead = new ArrayList<>();
    List<PromotedApplication> others = new ArrayList<>();
    for (TagChange change : plan.changes()) {
      PromotedApplication app =
          new PromotedApplication(
              change.service(),
              change.app(),
              change.from(),
              change.to(),
              plan.gitlabProjectId(change).orElse(null));
      (change.service().equals(plan.leadService()) ? lead : others).add(app);
    }
    lead.addAll(others);
    return lead;
  }

  /**
   * The request for a rollback's result: no release, and the deployments of the restored versions
   * (the GitOps project at the rollback commit on the branch, each restored application's source
   * project at its tag).
   *
   * @param startedAt when the rollback started; pass the same instant on every retry of it
   */
  public static PublishRequest ofRollback(
      RollbackRequest request, RollbackResult result, PublishSettings settings, Instant startedAt) {
    List<PromotedApplication> restored = new ArrayList<>();
    for (Restoration r : result.restored()) {
      restored.add(
          new PromotedApplication(
              r.service(), r.app(), r.from(), r.to(), result.gitlabProjectId(r).orElse(null)));
    }
    return new PublishRequest(
        result.outcome().label(),
        settings.gitlabProject(),
        settings.branch(),
        result.commit(),
        startedAt,
        request.group(),
        null,
        request.target(),
        false,
        null,
        null,
        result.title(),
        null,
        restored);
  }

  /** Whether a commit was pushed: nothing else is published. */
  public boolean pushed() {
    return commit != null;
  }

  /** A rollback's request: it has no source environment and makes no release. */
  public boolean isRollback() {
    return source == null;
  }

  /** {@code v1.5.0}, or {@code null} without a version. */
  public String releaseTag() {
    return version == null ? null : TagVersions.tagName(version);
  }

  /** The first line of the release description. */
  public String releaseHeading() {
    return "Promotion: " + promotionName;
  }
}
