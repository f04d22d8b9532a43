package io.gitops.promotion.publish;

import io.gitops.promotion.changelog.ReleaseNotes;
import io.gitops.promotion.changelog.ReleasedApplication;
import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.ReleaseRef;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tags the promotion commit {@code v<version>} in the GitOps project and makes the tag's GitLab
 * release, whose description is the services table and the changelog. Only for a pushed promotion
 * out of a release source with a version.
 *
 * <p>Looks before it creates: a tag already at the promotion commit and an existing release are
 * kept, so a retry completes what an earlier run started. A tag already at another commit means the
 * lead service did not change since an earlier promotion: no second tag and no release, and the
 * changes that go without a release of their own are reported instead of silently untracked.
 */
final class ReleaseStep {

  private final GitLab gitLab;
  private final ChangelogReader changelogs;

  ReleaseStep(GitLab gitLab, ChangelogReader changelogs) {
    this.gitLab = gitLab;
    this.changelogs = changelogs;
  }

  void run(PublishRequest request, PublishProgress progress) {
    Optional<String> skip = skipReason(request);
    if (skip.isPresent()) {
      progress.release(ReleaseStepResult.skipped(skip.get()));
      return;
    }
    String project = request.gitlabProject();
    String tag = request.releaseTag();
    String commit = request.commit();
    Optional<String> tagged = gitLab.tagCommit(project, tag);
    if (tagged.isPresent() && !tagged.get().equalsIgnoreCase(commit)) {
      leaveWithoutRelease(request, tagged.get(), progress);
      return;
    }
    Optional<ReleaseRef> existing =
        tagged.isPresent() ? gitLab.release(project, tag) : Optional.empty();
    if (existing.isPresent()) {
      progress.release(
          new ReleaseStepResult(
              ReleaseOutcome.ALREADY_EXISTED,
              "tag and release already existed",
              tag,
              commit,
              false,
              false,
              existing.get().url(),
              List.of()));
      return;
    }
    String description = description(request, progress);
    boolean tagCreated = tagged.isEmpty();
    if (tagCreated) {
      gitLab.createTag(project, tag, commit, request.tagMessage());
      progress.release(
          new ReleaseStepResult(
              ReleaseOutcome.NOT_DONE,
              "tag created, release not",
              tag,
              commit,
              true,
              false,
              null,
              List.of()));
    }
    ReleaseRef release = gitLab.createRelease(project, tag, request.promotionName(), description);
    progress.release(
        new ReleaseStepResult(
            ReleaseOutcome.CREATED,
            tagCreated ? "tag and release created" : "release created for the existing tag",
            tag,
            commit,
            tagCreated,
            true,
            release.url(),
            List.of()));
  }

  private static Optional<String> skipReason(PublishRequest request) {
    if (!request.pushed()) {
      return Optional.of("nothing was pushed (" + request.outcome() + ")");
    }
    if (request.isRollback()) {
      return Optional.of("a rollback makes no release");
    }
    if (!request.releaseSource()) {
      return Optional.of(request.source().name() + " is not an environment releases are made from");
    }
    if (request.version() == null || request.version().isBlank()) {
      return Optional.of(
          "no release version: lead service "
              + request.leadService()
              + " has no tag in "
              + request.source().name());
    }
    return Optional.empty();
  }

  private String description(PublishRequest request, PublishProgress progress) {
    ChangelogReader.Changelogs read = changelogs.read(request.applications());
    read.warnings().forEach(progress::warn);
    List<ReleasedApplication> rows =
        request.applications().stream()
            .map(a -> new ReleasedApplication(a.service(), a.app(), a.from(), a.to()))
            .toList();
    return ReleaseNotes.render(request.releaseHeading(), rows, read.changelogs());
  }

  private static void leaveWithoutRelease(
      PublishRequest request, String taggedCommit, PublishProgress progress) {
    String tag = request.releaseTag();
    // the lead service's own new tag has its release: the existing one
    List<PromotedApplication> unreleased =
        request.applications().stream()
            .filter(
                a ->
                    !(a.service().equals(request.leadService())
                        && VersionTags.tagName(a.to()).equals(tag)))
            .toList();
    String earlier = "release " + tag + " already exists for an earlier promotion";
    progress.warn(
        unreleased.isEmpty()
            ? earlier + " (commit " + taggedCommit + "); this promotion has none of its own"
            : earlier
                + ": "
                + unreleased.stream()
                    .map(PromotedApplication::describe)
                    .collect(Collectors.joining(", "))
                + (unreleased.size() == 1 ? " has" : " have")
                + " no release of "
                + (unreleased.size() == 1 ? "its" : "their")
                + " own");
    progress.release(
        new ReleaseStepResult(
            ReleaseOutcome.LEFT_WITHOUT_RELEASE,
            earlier + " at commit " + taggedCommit,
            null,
            null,
            false,
            false,
            null,
            unreleased));
  }
}
