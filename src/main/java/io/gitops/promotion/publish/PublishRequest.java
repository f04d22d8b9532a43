package io.gitops.promotion.publish;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.gitlab.TagVersions;
import io.gitops.promotion.promotion.CommitMessage;
import io.gitops.promotion.promotion.PromotionOutcome;
import io.gitops.promotion.promotion.PromotionPlan;
import io.gitops.promotion.promotion.PromotionResult;
import io.gitops.promotion.promotion.PromotionTitle;
import io.gitops.promotion.promotion.TagChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the GitLab steps of one promotion work from: the promotion's outcome and commit, where to
 * publish it, and the changed applications. Build it with {@link #of}.
 *
 * @param outcome only {@link PromotionOutcome#PROMOTED} is published; anything else skips every
 *     step
 * @param gitlabProject the GitOps repository's GitLab project (numeric id or path)
 * @param branch the branch the commit was pushed to
 * @param commit the pushed promotion commit, {@code null} unless promoted
 * @param startedAt when the promotion started: deployments made since then for the same commit are
 *     this promotion's own (a retry finds them instead of making new ones); the same for every run
 *     of the same promotion
 * @param releaseSource whether {@code source} is one of the environments releases are made from
 * @param version the release version (the lead service's source tag), {@code null} when none
 * @param promotionName {@code tbd-test [DEV] v1.5.0 → [TST] v1.3.0}: the release's name
 * @param tagMessage the message of the release tag: the subject of the promotion commit
 * @param applications the changed applications, the lead service's first, then in plan order
 */
public record PublishRequest(
    PromotionOutcome outcome,
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
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    if (outcome == PromotionOutcome.PROMOTED && commit == null) {
      throw new IllegalArgumentException("a promoted result has a commit");
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
    return new PublishRequest(
        result.outcome(),
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
        CommitMessage.of(plan).lines().findFirst().orElse(""),
        applications(plan));
  }

  /** The lead service's applications first: they carry the release version. */
  private static List<PromotedApplication> applications(PromotionPlan plan) {
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

  public boolean promoted() {
    return outcome == PromotionOutcome.PROMOTED;
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
