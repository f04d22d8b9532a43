package io.gitops.promotion.publish;

import io.gitops.promotion.changelog.ApplicationChangelog;
import io.gitops.promotion.changelog.CommitClassifier;
import io.gitops.promotion.changelog.CommitMessage;
import io.gitops.promotion.gitlab.GitLab;
import io.gitops.promotion.gitlab.GitLabCommit;
import io.gitops.promotion.gitlab.GitLabRejectedException;
import io.gitops.promotion.gitlab.ResolvedTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the changelog of each promoted application that has a GitLab project: one Compare API call
 * from tag {@code v<from>} to tag {@code v<to>} (hotfix builds through their base tag), classified
 * by Conventional Commits. A tag GitLab does not have gives a changelog with a note and a warning
 * instead of a failure: the release is still worth making.
 */
final class ChangelogReader {

  /** The changelogs in application order, and what could not be read. */
  record Changelogs(List<ApplicationChangelog> changelogs, List<String> warnings) {}

  private final GitLab gitLab;
  private final CommitClassifier classifier;

  ChangelogReader(GitLab gitLab, CommitClassifier classifier) {
    this.gitLab = gitLab;
    this.classifier = classifier;
  }

  Changelogs read(List<PromotedApplication> applications) {
    List<ApplicationChangelog> changelogs = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (PromotedApplication app : applications) {
      app.project().ifPresent(project -> changelogs.add(changelog(project, app, warnings)));
    }
    return new Changelogs(changelogs, warnings);
  }

  private ApplicationChangelog changelog(
      String project, PromotedApplication app, List<String> warnings) {
    String from = app.from() == null ? "(none)" : app.from();
    if (app.from() == null) {
      return unavailable(app, from, "the target had no previous tag to compare with", warnings);
    }
    Optional<ResolvedTag> fromTag = VersionTags.resolve(gitLab, project, app.from());
    if (fromTag.isEmpty()) {
      return unavailable(app, from, missing(project, app.from()), warnings);
    }
    Optional<ResolvedTag> toTag = VersionTags.resolve(gitLab, project, app.to());
    if (toTag.isEmpty()) {
      return unavailable(app, from, missing(project, app.to()), warnings);
    }
    String range = fromTag.get().tagName() + "..." + toTag.get().tagName();
    List<GitLabCommit> compared;
    try {
      compared = gitLab.compare(project, fromTag.get().tagName(), toTag.get().tagName());
    } catch (GitLabRejectedException e) {
      if (e.refusal() != GitLabRejectedException.Refusal.NOT_FOUND) {
        throw e;
      }
      // the project exists (its tags were just read), so a tag went away in between
      return unavailable(app, from, "GitLab project " + project + " has no " + range, warnings);
    }
    List<CommitMessage> commits =
        compared.stream()
            .map(c -> new CommitMessage(c.sha(), c.title(), c.message(), c.parentCount()))
            .toList();
    return new ApplicationChangelog(app.app(), from, app.to(), classifier.classifyAll(commits));
  }

  private static ApplicationChangelog unavailable(
      PromotedApplication app, String from, String why, List<String> warnings) {
    warnings.add("no changelog for " + app.app() + ": " + why);
    return ApplicationChangelog.unavailable(
        app.app(), from, app.to(), "No changelog: " + why + ".");
  }

  private static String missing(String project, String version) {
    return "tag " + VersionTags.tagName(version) + " does not exist in GitLab project " + project;
  }
}
