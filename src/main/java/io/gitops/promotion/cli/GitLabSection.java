package io.gitops.promotion.cli;

import io.gitops.promotion.publish.PublishResult;
import io.gitops.promotion.publish.PublishStep;
import io.gitops.promotion.publish.RecordedDeployment;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the GitLab steps did, as the {@code promote} and {@code rollback} reports print it: the same
 * {@code gitlab} object in JSON and the same {@code GitLab:} lines in text for both commands.
 */
final class GitLabSection {
  private GitLabSection() {}

  /**
   * {@code {skipped, releaseOutcome, releaseTag, releaseUrl, tagCreated, releaseCreated,
   * deploymentsOutcome, deployments, unreleasedChanges, warnings, stepsNotDone}}.
   */
  static Map<String, Object> json(PublishResult gitlab) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("skipped", gitlab.skipped());
    json.put("releaseOutcome", gitlab.releaseStep().outcome().label());
    json.put("releaseTag", gitlab.releaseTag());
    json.put("releaseUrl", gitlab.releaseUrl());
    json.put("tagCreated", gitlab.tagCreated());
    json.put("releaseCreated", gitlab.releaseCreated());
    json.put("deploymentsOutcome", gitlab.deploymentsStep().outcome().label());
    json.put("deployments", gitlab.deployments());
    json.put("unreleasedChanges", gitlab.unreleasedChanges());
    json.put("warnings", gitlab.warnings());
    json.put("stepsNotDone", gitlab.stepsNotDone().stream().map(PublishStep::label).toList());
    return json;
  }

  static void print(PublishResult gitlab, PrintWriter out) {
    if (gitlab.skipped()) {
      out.println("GitLab: skipped (no --gitlab-url and --gitlab-project)");
      return;
    }
    out.println("GitLab:");
    out.println("  release: " + TerminalText.lines(gitlab.releaseStep().describe()));
    if (gitlab.releaseUrl() != null) {
      out.println("  release page: " + TerminalText.cell(gitlab.releaseUrl()));
    }
    out.println("  deployments: " + TerminalText.lines(gitlab.deploymentsStep().describe()));
    for (RecordedDeployment d : gitlab.deployments()) {
      out.println(
          TerminalText.cell(
              "    project "
                  + d.project()
                  + " "
                  + d.environment()
                  + " #"
                  + d.id()
                  + " "
                  + d.ref()
                  + " "
                  + d.sha()));
    }
    for (String warning : gitlab.warnings()) {
      out.println("  warning: " + TerminalText.lines(warning));
    }
  }
}
